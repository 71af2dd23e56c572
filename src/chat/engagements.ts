import type { Action } from '../playbook/actions.js';
import { apply } from '../playbook/apply.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import { refuse, isRefusal, type Refusal } from '../playbook/refusal.js';
import { engagementIdFor, startEngagement, type StartInput } from '../playbook/start.js';
import type { Change } from '../store/mutate.js';
import type { EngagementStore, Versioned } from '../store/store.js';

/** Read–decide–conditional write on one engagement, retried on conflict (see src/store). */
export type Mutate = <R>(
  engagementId: string,
  decide: (current: Versioned | undefined) => Change<R>,
) => Promise<R>;

export type Outcome =
  | { ok: true; engagement: Engagement; summary: string; duplicate: boolean }
  | { ok: false; refusal: Refusal; engagement?: Engagement };

const noEngagement = (): Refusal =>
  refuse(
    'notFound',
    'There is no engagement in this chat yet. The FastTrack manager starts one with "start <customer>".',
  );

/** The engagement use cases: what the bot does with the store and the playbook, framework-free. */
export class Engagements {
  constructor(
    private readonly store: EngagementStore,
    private readonly mutate: Mutate,
    private readonly clock: () => Date,
  ) {}

  async load(conversationId: string): Promise<Engagement | undefined> {
    return (await this.store.get(engagementIdFor(conversationId)))?.engagement;
  }

  async start(input: StartInput, actor: Actor, activityId: string): Promise<Outcome> {
    const id = engagementIdFor(input.conversationId);
    return this.mutate<Outcome>(id, (current) => {
      if (current) {
        const e = current.engagement;
        // Another organization's engagement is never handed back: not even its customer's name.
        if (e.tenantId !== actor.tenantId) {
          return {
            result: {
              ok: false,
              refusal: refuse(
                'otherTenant',
                'This chat already has an engagement, which belongs to another organization.',
              ),
            },
          };
        }
        if (activityId && e.appliedActivityIds.includes(activityId)) {
          return {
            result: { ok: true, engagement: e, summary: 'already started', duplicate: true },
          };
        }
        return {
          result: {
            ok: false,
            refusal: refuse('invalid', `This chat already has an engagement with ${e.customer}.`),
            engagement: e,
          },
        };
      }
      const started = startEngagement(input, actor, this.clock());
      if (isRefusal(started)) return { result: { ok: false, refusal: started } };
      if (activityId) started.appliedActivityIds.push(activityId);
      return {
        write: started,
        result: {
          ok: true,
          engagement: started,
          summary: started.history[0].summary,
          duplicate: false,
        },
      };
    });
  }

  async act(
    conversationId: string,
    action: Action,
    actor: Actor,
    activityId: string,
  ): Promise<Outcome> {
    const now = this.clock();
    return this.mutate<Outcome>(engagementIdFor(conversationId), (current) => {
      if (!current) return { result: { ok: false, refusal: noEngagement() } };
      const outcome = apply(current.engagement, action, actor, now, activityId || undefined);
      if (!outcome.ok)
        return { result: { ok: false, refusal: outcome.refusal, engagement: current.engagement } };
      if (outcome.duplicate) return { result: outcome };
      return { write: outcome.engagement, result: outcome };
    });
  }
}
