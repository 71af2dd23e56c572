import { backoffMs, sleep, type Backoff } from '../backoff.js';
import type { Engagement } from '../playbook/engagement.js';
import { KeyedQueue } from './keyed-queue.js';
import {
  StoreConflictError,
  StoreUnavailableError,
  type EngagementStore,
  type Versioned,
} from './store.js';

/** What a change function decides after seeing the current engagement: write it, delete it, or neither. */
export type Change<R> =
  | { write: Engagement; result: R; remove?: undefined }
  | { remove: true; result: R; write?: undefined }
  | { write?: undefined; remove?: undefined; result: R };

/**
 * Sees the engagement as stored (undefined when there is none) and decides what to write. It may
 * run more than once for one call (after a conflict), so it must be pure: no sends, no logs of effects.
 */
export type Decide<R> = (current: Versioned | undefined) => Change<R>;

/** Read, decide, write conditionally on one engagement; re-read and re-decide on a conflict. */
export type Mutate = <R>(engagementId: string, decide: Decide<R>) => Promise<R>;

export interface RetryPolicy extends Backoff {
  /** How many conflicts (writes that lost to another instance) to absorb before giving up. */
  maxConflicts: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxConflicts: 50,
  baseDelayMs: 5,
  maxDelayMs: 200,
  random: Math.random,
};

/**
 * Read the engagement, decide, write conditionally on the ETag; when someone else wrote first,
 * read again and decide again on the fresh engagement. So two people answering at once are both
 * recorded, and a write never overwrites what it did not see. In the common case this is one
 * point read and one conditional write. Throws StoreUnavailableError (safe to show) when the store
 * fails or the engagement keeps changing under it; whatever `decide` throws passes through.
 */
export async function mutateEngagement<R>(
  store: EngagementStore,
  engagementId: string,
  decide: Decide<R>,
  retry: Partial<RetryPolicy> = {},
): Promise<R> {
  const policy = { ...DEFAULT_RETRY, ...retry };
  for (let conflicts = 0; ; conflicts++) {
    const current = await store.get(engagementId);
    const change = decide(current);
    if (!change.write && !(change.remove && current)) return change.result;
    try {
      if (change.remove) await store.delete(engagementId, (current as Versioned).etag);
      else if (current) await store.replace(change.write as Engagement, current.etag);
      else await store.create(change.write as Engagement);
      return change.result;
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
      if (conflicts >= policy.maxConflicts) {
        throw new StoreUnavailableError(
          'Not saved: many people are changing this engagement at once. Please try again.',
          { cause: err },
        );
      }
      await sleep(backoffMs(policy, conflicts + 1));
    }
  }
}

/**
 * The one way the bot changes engagements. Changes to one engagement made through one writer run
 * one after another, so inside a process they never conflict; conflicts come only from other
 * instances and are absorbed by mutateEngagement's re-read and re-decide. Make one per process
 * (per store) and share it; it holds no state but its queue.
 */
export class EngagementWriter {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly store: EngagementStore,
    private readonly retry: Partial<RetryPolicy> = {},
  ) {}

  /** Reads, decides and writes one engagement, after the changes to it queued before this one. */
  readonly mutate: Mutate = (engagementId, decide) =>
    this.queue.run(engagementId, () =>
      mutateEngagement(this.store, engagementId, decide, this.retry),
    );

  /** Resolves when every change queued so far has settled (for a graceful stop). */
  drain(): Promise<void> {
    return this.queue.drain();
  }
}
