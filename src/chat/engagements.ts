import type { Action } from '../playbook/actions.js';
import { apply, type Decision } from '../playbook/apply.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import { recordMembership, type MemberRef } from '../playbook/membership.js';
import type { Asker } from '../playbook/people-index.js';
import { refuse } from '../playbook/refusal.js';
import { engagementIdFor, startIn, type StartInput } from '../playbook/start.js';
import type { Mutate } from '../store/mutate.js';
import type { EngagementStore } from '../store/store.js';
import type { Directory, Listed } from './directory.js';

const NO_ENGAGEMENT =
  'There is no engagement in this chat yet. The FastTrack manager starts one with "start <customer>".';

/** A decision, with the engagement as it was before it (to bring people's lists up to date). */
type Decided = { decision: Decision; before: Engagement | undefined };

/** The engagement use cases: the playbook's decisions, read from and written to the store. */
export class Engagements {
  constructor(
    private readonly store: EngagementStore,
    private readonly mutate: Mutate,
    private readonly clock: () => Date,
    private readonly directory: Directory,
  ) {}

  async load(conversationId: string): Promise<Engagement | undefined> {
    return (await this.store.get(engagementIdFor(conversationId)))?.engagement;
  }

  async start(input: StartInput, actor: Actor, activityId: string): Promise<Decision> {
    const now = this.clock();
    return this.synced(
      await this.mutate<Decided>(engagementIdFor(input.conversationId), (current) => {
        const decision = startIn(current?.engagement, input, actor, now, activityId);
        const result = { decision, before: current?.engagement };
        return decision.ok && !decision.duplicate
          ? { write: decision.engagement, result }
          : { result };
      }),
    );
  }

  async act(
    conversationId: string,
    action: Action,
    actor: Actor,
    activityId: string,
  ): Promise<Decision> {
    const now = this.clock();
    return this.synced(
      await this.mutate<Decided>(engagementIdFor(conversationId), (current) => {
        const before = current?.engagement;
        if (!before)
          return {
            result: { decision: { ok: false, refusal: refuse('notFound', NO_ENGAGEMENT) }, before },
          };
        const decision = apply(before, action, actor, now, activityId);
        // A refusal shows the engagement as it stands, unless the person takes no part in it.
        if (!decision.ok && decision.refusal.kind !== 'outsider')
          return { result: { decision: { ...decision, engagement: before }, before } };
        if (!decision.ok || decision.duplicate) return { result: { decision, before } };
        return { write: decision.engagement, result: { decision, before } };
      }),
    );
  }

  /**
   * Records what Teams said of the chat's members: those who left can no longer act (their role
   * stays on the record), those who came back act again. Undefined when nothing changed.
   */
  async membership(
    conversationId: string,
    change: { left: MemberRef[]; joined: MemberRef[] },
    activityId: string,
  ): Promise<Engagement | undefined> {
    const now = this.clock();
    return this.mutate(engagementIdFor(conversationId), (current) => {
      const next = current && recordMembership(current.engagement, change, now, activityId);
      return next ? { write: next, result: next } : { result: undefined };
    });
  }

  /** The engagements the asker takes part in, across chats and organizations, newest first. */
  listFor(asker: Asker, email: string | undefined): Promise<Listed[]> {
    return this.directory.list(asker, email);
  }

  /** After a decision is saved, the lists of the people whose role it changed. */
  private async synced({ decision, before }: Decided): Promise<Decision> {
    if (decision.ok && !decision.duplicate) await this.directory.sync(before, decision.engagement);
    return decision;
  }
}
