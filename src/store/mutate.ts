import type { Engagement } from '../playbook/engagement.js';
import { StoreConflictError, type EngagementStore, type Versioned } from './store.js';

/** What a change function decides after seeing the current engagement. */
export type Change<R> =
  | { write: Engagement; result: R }
  | { write?: undefined; result: R };

export const MAX_CONFLICT_RETRIES = 20;

/**
 * Read the engagement, decide, write conditionally on the ETag; when someone else wrote first,
 * read again and decide again on the fresh engagement. So two people answering at once are both
 * recorded, and a write never overwrites what it did not see.
 */
export async function mutateEngagement<R>(
  store: EngagementStore,
  engagementId: string,
  decide: (current: Versioned | undefined) => Change<R>,
): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    const current = await store.get(engagementId);
    const change = decide(current);
    if (!change.write) return change.result;
    try {
      if (current) await store.replace(change.write, current.etag);
      else await store.create(change.write);
      return change.result;
    } catch (err) {
      if (!(err instanceof StoreConflictError) || attempt >= MAX_CONFLICT_RETRIES) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
    }
  }
}
