import { planChats } from './chats.js';
import { Target } from './load.js';
import {
  compare,
  measure,
  pool,
  type Level,
  type Pooled,
  type Subject,
  type Window,
} from './measure.js';
import type { Children } from './processes.js';
import { Filler, seedEngagements } from './seed.js';
import type { Latency } from './stats.js';
import { botOnCosmos, type Running } from './subjects.js';

async function meanDocumentBytes(s: Running): Promise<number> {
  const sizes = await Promise.all(s.target.chats.map((c) => s.documentBytes(c.conversationId)));
  return sizes.reduce((a, b) => a + b, 0) / sizes.length;
}

export interface EngagementsScale {
  engagements: [number, number];
  pooled: Pooled[];
  documentBytes: [number, number];
}

/**
 * The same load on two bots, each on its own Cosmos DB server: one holding `small` engagements,
 * one holding `large` (the 8 answered chats set up through the bot's cards, the rest seeded).
 */
export async function engagementsScale(
  children: Children,
  small: number,
  large: number,
  levels: Level[],
  rounds: number,
  warmUp: number,
): Promise<EngagementsScale> {
  const plans = planChats('scale', 8, 4);
  const subjects: Running[] = [];
  try {
    for (const total of [small, large]) {
      const s = await botOnCosmos(
        children,
        `bot, ${total.toLocaleString('en-US')} engagements`,
        plans,
      );
      subjects.push(s);
      await seedEngagements(s.container!, total - plans.length);
    }
    const pooled = await compare(subjects, levels, rounds, warmUp);
    const sizes = await Promise.all(subjects.map(meanDocumentBytes));
    return { engagements: [small, large], pooled, documentBytes: [sizes[0], sizes[1]] };
  } finally {
    for (const s of subjects) await s.stop();
  }
}

export interface AnswerPoint {
  answer: number;
  documentBytes: number;
  latency: Latency;
  botCpuMsPerAnswer: number;
}

/**
 * One engagement from its 1st answer to its n-th: at each checkpoint k the bot answers k, k+1, …
 * (a window of `window` answers at concurrency 1, through HTTP, measured), and the stored document
 * is weighed right after answer k. Between checkpoints the engagement is brought forward through
 * the bot's own use case (Filler). The repeated answer is a stakeholder re-acknowledging the
 * agenda with another set of topics: saved every time, never capped (questions stop at 100).
 */
export async function answersScale(
  children: Children,
  checkpoints: number[],
  window: number,
  warmUp: number,
): Promise<AnswerPoint[]> {
  const [plan, warm] = planChats('long', 2, 4);
  const s = await botOnCosmos(children, 'bot, one engagement', [plan, warm]);
  const filler = await Filler.open(s.cosmos!.endpoint, 'deploy-securely-bench');
  const points: AnswerPoint[] = [];
  try {
    // The bot warms up on another chat of its own, so the first window is not its first answers.
    const [chat, warmChat] = s.target.chats;
    await measure({ ...s, target: new Target('warm-up', s.target.client, [warmChat]) }, 4, warmUp);
    const one: Subject = { ...s, target: new Target('one', s.target.client, [chat]) };
    let answered = 0;
    for (const k of checkpoints) {
      await filler.answer(one.target, chat, k - 1 - answered);
      const first: Window = await measure(one, 1, 1);
      const documentBytes = await s.documentBytes(chat.conversationId);
      const rest = await measure(one, 1, window - 1);
      answered = k - 1 + window;
      const measured = pool([first, rest]);
      points.push({
        answer: k,
        documentBytes,
        latency: measured.latency,
        botCpuMsPerAnswer: measured.botCpuMsPerAnswer,
      });
    }
  } finally {
    await filler.stop();
    await s.stop();
  }
  return points;
}
