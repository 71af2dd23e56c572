import type { Action } from '../playbook/actions.js';
import { apply, type Decision } from '../playbook/apply.js';
import { markPosted } from '../playbook/draft.js';
import type { Actor, Engagement } from '../playbook/engagement.js';
import { refuse } from '../playbook/refusal.js';
import { engagementIdFor, startIn, type StartInput } from '../playbook/start.js';
import type { Decide, Mutate } from '../store/mutate.js';
import type { EngagementStore, Versioned } from '../store/store.js';

const NO_ENGAGEMENT =
  'There is no engagement in this chat yet. The FastTrack manager starts one with "start <customer>".';

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

  /** Runs a change and remembers the engagement as it was last seen: read, or written. */
  private async change(id: string, decide: Decide<Decision>): Promise<Decision> {
    let seen: Versioned | undefined;
    const decision = await this.mutate<Decision>(id, (current) => {
      seen = current;
      return decide(current);
    }).catch((err: unknown) => {
      if (seen) this.remember(id, seen.engagement);
      throw err;
    });
    this.remember(id, decision.ok ? decision.engagement : seen?.engagement);
    return decision;
  }

  /**
   * Records that this activity is answered by a post to the chat, in the engagement itself (its
   * applied activity ids, by a conditional write), so that Teams delivering it again — to this
   * instance or any other — posts nothing twice. `first` is false for a redelivery. Another
   * organization's engagement is handed back unchanged for the caller to refuse.
   */
  async posting(
    conversationId: string,
    activityId: string,
    tenantId: string | undefined,
  ): Promise<{ engagement?: Engagement; first: boolean }> {
    const id = engagementIdFor(conversationId);
    const posted = await this.mutate(id, (current) => {
      const engagement = current?.engagement;
      if (!engagement || engagement.tenantId !== tenantId)
        return { result: { engagement, first: true } };
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
    const id = engagementIdFor(conversationId);
    const decision = await this.change(id, (current) => {
      if (!current) return { result: { ok: false, refusal: refuse('notFound', NO_ENGAGEMENT) } };
      const decision = apply(current.engagement, action, actor, now, activityId);
      // A refusal shows the engagement as it stands, unless it is another organization's.
      if (!decision.ok && decision.refusal.kind !== 'otherTenant')
        return { result: { ...decision, engagement: current.engagement } };
      if (!decision.ok) return { result: decision };
      if (decision.duplicate) return { result: decision };
      // Deleting: the playbook said yes (the FM, the customer's name typed); the store removes it all.
      return action.type === 'deleteEngagement'
        ? { remove: true, result: decision }
        : { write: decision.engagement, result: decision };
    });
    if (decision.ok && action.type === 'deleteEngagement') this.remember(id, undefined);
    return decision;
  }
}
