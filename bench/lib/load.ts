import type { BenchChat } from './chats.js';
import { TOPIC_SETS } from './chats.js';
import { notSaved, type Person, type TeamsClient } from './teams.js';

/** One bot under load, and what the bench expects its store to hold. */
export class Target {
  /** Per stakeholder (AAD object id): the topics of their last answer. */
  readonly lastTopics = new Map<string, string[]>();
  /** Per chat: every answer sent to it, over the whole run. */
  readonly answersPerChat = new Map<string, number>();
  private readonly answeredBy = new Map<string, number>();
  private seq = 0;

  constructor(
    readonly name: string,
    readonly client: TeamsClient,
    readonly chats: BenchChat[],
  ) {}

  /** Every stakeholder with their chat, chat after chat interleaved (a, b, c, …, a, b, c). */
  people(): { chat: BenchChat; who: Person }[] {
    const out: { chat: BenchChat; who: Person }[] = [];
    const most = Math.max(...this.chats.map((c) => c.stakeholders.length));
    for (let s = 0; s < most; s++)
      for (const chat of this.chats)
        if (chat.stakeholders[s]) out.push({ chat, who: chat.stakeholders[s] });
    return out;
  }

  /** The next answer of a stakeholder: a new activity id and the next topic set. */
  next(chat: BenchChat, who: Person): { id: string; topics: string[] } {
    const k = this.answeredBy.get(who.aadObjectId) ?? 0;
    this.answeredBy.set(who.aadObjectId, k + 1);
    const topics = [...TOPIC_SETS[k % TOPIC_SETS.length]];
    this.lastTopics.set(who.aadObjectId, topics);
    this.answersPerChat.set(
      chat.conversationId,
      (this.answersPerChat.get(chat.conversationId) ?? 0) + 1,
    );
    return { id: `${this.name}-answer-${++this.seq}`, topics };
  }
}

export interface Driven {
  answers: number;
  latencies: number[];
  wallMs: number;
  /** Per chat: the activity ids answered in this window. */
  idsByChat: Map<string, string[]>;
  /** Answers that were not saved: who, and what the card said instead. */
  notSaved: string[];
}

/**
 * A closed loop of `concurrency` people acknowledging the agenda until `count` answers were
 * given: each person waits for their answer before clicking again, and no person has two in
 * flight. At concurrency 1 one worker goes through every stakeholder in turn.
 */
export async function drive(target: Target, concurrency: number, count: number): Promise<Driven> {
  const people = target.people();
  const workers = Math.min(concurrency, people.length);
  const idsByChat = new Map<string, string[]>();
  const latencies: number[] = [];
  const failures: string[] = [];
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const mine = people.filter((_p, i) => i % workers === w);
      for (let turn = 0; issued < count; turn++) {
        issued++;
        const { chat, who } = mine[turn % mine.length];
        const { id, topics } = target.next(chat, who);
        const reply = await target.client.execute(
          chat.conversationId,
          who,
          chat.agendaCardId,
          'agenda.acknowledge',
          { card: 'agenda', topics: topics.join(',') },
          id,
        );
        latencies.push(reply.ms);
        const problem = notSaved(reply);
        if (problem) failures.push(`${who.name} in ${chat.customer} (${id}): ${problem}`);
        const ids = idsByChat.get(chat.conversationId) ?? [];
        ids.push(id);
        idsByChat.set(chat.conversationId, ids);
      }
    }),
  );
  return {
    answers: latencies.length,
    latencies,
    wallMs: performance.now() - started,
    idsByChat,
    notSaved: failures,
  };
}
