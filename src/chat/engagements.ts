import type { Action } from '../playbook/actions.js';
import { apply, type Decision } from '../playbook/apply.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import { refuse } from '../playbook/refusal.js';
import { engagementIdFor, startIn, type StartInput } from '../playbook/start.js';
import type { Mutate } from '../store/mutate.js';
import type { EngagementStore } from '../store/store.js';

const NO_ENGAGEMENT =
  'There is no engagement in this chat yet. The FastTrack manager starts one with "start <customer>".';

/** The engagement use cases: the playbook's decisions, read from and written to the store. */
export class Engagements {
  constructor(
    private readonly store: EngagementStore,
    private readonly mutate: Mutate,
    private readonly clock: () => Date,
  ) {}

  async load(conversationId: string): Promise<Engagement | undefined> {
    return (await this.store.get(engagementIdFor(conversationId)))?.engagement;
  }

  async start(input: StartInput, actor: Actor, activityId: string): Promise<Decision> {
    const now = this.clock();
    return this.mutate<Decision>(engagementIdFor(input.conversationId), (current) => {
      const decision = startIn(current?.engagement, input, actor, now, activityId);
      return decision.ok && !decision.duplicate
        ? { write: decision.engagement, result: decision }
        : { result: decision };
    });
  }

  async act(
    conversationId: string,
    action: Action,
    actor: Actor,
    activityId: string,
  ): Promise<Decision> {
    const now = this.clock();
    return this.mutate<Decision>(engagementIdFor(conversationId), (current) => {
      if (!current) return { result: { ok: false, refusal: refuse('notFound', NO_ENGAGEMENT) } };
      const decision = apply(current.engagement, action, actor, now, activityId);
      // A refusal shows the engagement as it stands, unless it is another organization's.
      if (!decision.ok && decision.refusal.kind !== 'otherTenant')
        return { result: { ...decision, engagement: current.engagement } };
      if (!decision.ok) return { result: decision };
      return decision.duplicate
        ? { result: decision }
        : { write: decision.engagement, result: decision };
    });
  }
}
