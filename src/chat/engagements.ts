import type { Action } from '../playbook/actions.js';
import { apply, type Decision } from '../playbook/apply.js';
import { markPosted } from '../playbook/draft.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import { recordMembership, type MemberRef } from '../playbook/membership.js';
import type { Asker } from '../playbook/people-index.js';
import { refuse } from '../playbook/refusal.js';
import { engagementIdFor, startIn, type StartInput } from '../playbook/start.js';
import type { Decide, Mutate } from '../store/mutate.js';
import type { EngagementStore, Versioned } from '../store/store.js';
import type { Directory, Listed } from './directory.js';

const NO_ENGAGEMENT =
  'There is no engagement in this chat yet. The FastTrack manager starts one with "start <customer>".';

/**
 * A decision, with the engagement as it was before it (to bring people's lists up to date) and
 * whether the engagement was deleted.
 */
type Decided = { decision: Decision; before: Engagement | undefined; deleted?: boolean };

/** How many engagements an instance remembers as it last saw them (for answers while the store fails). */
const REMEMBERED = 50;

/** The engagement use cases: the playbook's decisions, read from and written to the store. */
export class Engagements {
  /** The engagements this instance read or wrote last, by id, least recently seen first. */
  private readonly seen = new Map<string, Engagement>();

  constructor(
    private readonly store: EngagementStore,
    private readonly mutate: Mutate,
    private readonly clock: () => Date,
    private readonly directory: Directory,
  ) {}

  async load(conversationId: string): Promise<Engagement | undefined> {
    const id = engagementIdFor(conversationId);
    const engagement = (await this.store.get(id))?.engagement;
    this.remember(id, engagement);
    return engagement;
  }

  /**
   * The chat's engagement as this instance last read or wrote it, without asking the store: what
   * an answer shows the person's form on when the store fails. Undefined when this instance has
   * not seen it (another instance answered the chat so far) or saw it deleted.
   */
  lastSeen(conversationId: string): Engagement | undefined {
    return this.seen.get(engagementIdFor(conversationId));
  }

  private remember(id: string, engagement: Engagement | undefined): void {
    this.seen.delete(id);
    if (!engagement) return;
    this.seen.set(id, engagement);
    for (const oldest of this.seen.keys()) {
      if (this.seen.size <= REMEMBERED) break;
      this.seen.delete(oldest);
    }
  }

  /**
   * Runs a change and remembers the engagement as it was last seen: read, written, or deleted.
   * Once it is saved, the lists of the people whose role it changed (all of its people's, when it
   * was deleted) are brought up to date.
   */
  private async change(id: string, decide: Decide<Decided>): Promise<Decision> {
    let seen: Versioned | undefined;
    const { decision, before, deleted } = await this.mutate<Decided>(id, (current) => {
      seen = current;
      return decide(current);
    }).catch((err: unknown) => {
      if (seen) this.remember(id, seen.engagement);
      throw err;
    });
    const last = decision.ok ? decision.engagement : seen?.engagement;
    this.remember(id, deleted ? undefined : last);
    if (!decision.ok || decision.duplicate) return decision;
    if (deleted && before) await this.directory.forget(before);
    else await this.directory.sync(before, decision.engagement);
    return decision;
  }

  /**
   * Records that this activity is answered by a post to the chat, in the engagement itself (its
   * applied activity ids, by a conditional write), so that Teams delivering it again — to this
   * instance or any other — posts nothing twice. `first` is false for a redelivery. An engagement
   * the person may not see (`mayRecord` says no) is handed back unchanged for the caller to refuse.
   */
  async posting(
    conversationId: string,
    activityId: string,
    mayRecord: (engagement: Engagement) => boolean,
  ): Promise<{ engagement?: Engagement; first: boolean }> {
    const id = engagementIdFor(conversationId);
    const posted = await this.mutate(id, (current) => {
      const engagement = current?.engagement;
      if (!engagement || !mayRecord(engagement)) return { result: { engagement, first: true } };
      const marked = markPosted(engagement, activityId);
      return marked
        ? { write: marked, result: { engagement: marked, first: true } }
        : { result: { engagement, first: false } };
    });
    this.remember(id, posted.engagement);
    return posted;
  }

  async start(input: StartInput, actor: Actor, activityId: string): Promise<Decision> {
    const now = this.clock();
    return this.change(engagementIdFor(input.conversationId), (current) => {
      const decision = startIn(current?.engagement, input, actor, now, activityId);
      const result = { decision, before: current?.engagement };
      return decision.ok && !decision.duplicate
        ? { write: decision.engagement, result }
        : { result };
    });
  }

  async act(
    conversationId: string,
    action: Action,
    actor: Actor,
    activityId: string,
  ): Promise<Decision> {
    const now = this.clock();
    return this.change(engagementIdFor(conversationId), (current) => {
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
      // Deleting: the playbook said yes (the FM, the customer's name typed); the store removes it all.
      return action.type === 'deleteEngagement'
        ? { remove: true, result: { decision, before, deleted: true } }
        : { write: decision.engagement, result: { decision, before } };
    });
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
    const id = engagementIdFor(conversationId);
    const changed = await this.mutate(id, (current) => {
      const next = current && recordMembership(current.engagement, change, now, activityId);
      return next ? { write: next, result: next } : { result: undefined };
    });
    if (changed) this.remember(id, changed);
    return changed;
  }

  /** The engagements the asker takes part in, across chats and organizations, newest first. */
  listFor(asker: Asker, email: string | undefined): Promise<Listed[]> {
    return this.directory.list(asker, email);
  }
}
