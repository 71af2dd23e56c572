import { countsBetween, REQUEST_KINDS, type RequestCounts } from '../cosmos/kinds.js';
import type { CosmosProcess } from '../cosmos/process.js';
import type { ConnectorCounts, StandInConnector } from './connector.js';
import { drive, type Target } from './load.js';
import { readProc, RssSampler } from './proc.js';
import type { BotProcess } from './processes.js';
import { latency, type Latency } from './stats.js';
import { failIfAny } from './verify.js';

/** A bot under load: its process, its database, its connector, and how to check its store. */
export interface Subject {
  name: string;
  target: Target;
  process: BotProcess;
  cosmos?: CosmosProcess;
  connector: StandInConnector;
  /** What the store lacks of the answers a target gave (ids per chat); empty when it holds them all. */
  verify(target: Target, idsByChat: Map<string, string[]>): Promise<string[]>;
}

/** One measured window: a number of answers at one concurrency, by one bot. */
export interface Window {
  subject: string;
  concurrency: number;
  answers: number;
  wallMs: number;
  latencies: number[];
  cosmos?: RequestCounts;
  connector: ConnectorCounts;
  botCpuMs: number;
  dbCpuMs?: number;
  /** The bench process itself: load generator, connector, checks of each answer. */
  benchCpuMs: number;
  maxRssKb: number;
  hwmKb: number;
}

/**
 * Drives one window and counts what it cost (Cosmos requests, connector calls, CPU, memory); then,
 * outside the window, checks every answer was saved and is in the store, and throws WrongPath if not.
 */
export async function measure(s: Subject, concurrency: number, count: number): Promise<Window> {
  const db0 = await s.cosmos?.snapshot();
  const connector0 = s.connector.snapshot();
  const proc0 = readProc(s.process.pid);
  const bench0 = process.cpuUsage();
  const sampler = new RssSampler(s.process.pid).start();
  const driven = await drive(s.target, concurrency, count);
  const maxRssKb = sampler.stop();
  const proc1 = readProc(s.process.pid);
  const bench1 = process.cpuUsage(bench0);
  const connector1 = s.connector.snapshot();
  const db1 = await s.cosmos?.snapshot();
  failIfAny(`${s.name} answered without saving`, driven.notSaved);
  failIfAny(`${s.name} lost answers`, await s.verify(s.target, driven.idsByChat));
  return {
    subject: s.name,
    concurrency,
    answers: driven.answers,
    wallMs: driven.wallMs,
    latencies: driven.latencies,
    ...(db0 && db1
      ? { cosmos: countsBetween(db0.counts, db1.counts), dbCpuMs: db1.cpuMs - db0.cpuMs }
      : {}),
    connector: {
      posts: connector1.posts - connector0.posts,
      updates: connector1.updates - connector0.updates,
      updateMisses: connector1.updateMisses - connector0.updateMisses,
      members: connector1.members - connector0.members,
      other: connector1.other - connector0.other,
    },
    botCpuMs: proc1.cpuMs - proc0.cpuMs,
    benchCpuMs: (bench1.user + bench1.system) / 1000,
    maxRssKb,
    hwmKb: proc1.hwmKb,
  };
}

/** Windows of one bot at one concurrency, pooled. */
export interface Pooled {
  subject: string;
  concurrency: number;
  rounds: number;
  answers: number;
  latency: Latency;
  answersPerSecond: number;
  /** Per answer. */
  cosmos?: RequestCounts;
  connector: ConnectorCounts;
  botCpuMsPerAnswer: number;
  dbCpuMsPerAnswer?: number;
  benchCpuMsPerAnswer: number;
  maxRssKb: number;
  hwmKb: number;
  /** Each round's p50 and answers/s, to show the spread. */
  perRound: { p50: number; answersPerSecond: number }[];
}

export function pool(windows: Window[]): Pooled {
  const answers = windows.reduce((n, w) => n + w.answers, 0);
  const wall = windows.reduce((n, w) => n + w.wallMs, 0);
  const per = (f: (w: Window) => number) => windows.reduce((n, w) => n + f(w), 0) / answers;
  const withDb = windows.every((w) => w.cosmos);
  return {
    subject: windows[0].subject,
    concurrency: windows[0].concurrency,
    rounds: windows.length,
    answers,
    latency: latency(windows.flatMap((w) => w.latencies)),
    answersPerSecond: (answers * 1000) / wall,
    ...(withDb
      ? {
          cosmos: Object.fromEntries(
            REQUEST_KINDS.map((k) => [k, per((w) => w.cosmos![k])]),
          ) as RequestCounts,
          dbCpuMsPerAnswer: per((w) => w.dbCpuMs ?? 0),
        }
      : {}),
    connector: {
      posts: per((w) => w.connector.posts),
      updates: per((w) => w.connector.updates),
      updateMisses: per((w) => w.connector.updateMisses),
      members: per((w) => w.connector.members),
      other: per((w) => w.connector.other),
    },
    botCpuMsPerAnswer: per((w) => w.botCpuMs),
    benchCpuMsPerAnswer: per((w) => w.benchCpuMs),
    maxRssKb: Math.max(...windows.map((w) => w.maxRssKb)),
    hwmKb: Math.max(...windows.map((w) => w.hwmKb)),
    perRound: windows.map((w) => ({
      p50: latency(w.latencies).p50,
      answersPerSecond: (w.answers * 1000) / w.wallMs,
    })),
  };
}

export interface Level {
  concurrency: number;
  answers: number;
}

/**
 * Warms each subject up, then runs rounds; each round runs every level on every subject in turn
 * (A, B at one person, A, B at 32 people, with the order flipped every round), so a machine that
 * slows down or speeds up touches every subject and every level alike.
 */
export async function compare(
  subjects: Subject[],
  levels: Level[],
  rounds: number,
  warmUp: number,
): Promise<Pooled[]> {
  for (const s of subjects) {
    await measure(s, 32, warmUp);
    await measure(s, 1, Math.ceil(warmUp / 8));
  }
  const windows = new Map<string, Window[]>();
  const key = (s: Subject, level: Level) => `${s.name}@${level.concurrency}`;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? subjects : [...subjects].reverse();
    for (const level of levels)
      for (const s of order) {
        const list = windows.get(key(s, level)) ?? [];
        list.push(await measure(s, level.concurrency, level.answers));
        windows.set(key(s, level), list);
      }
  }
  return levels.flatMap((level) => subjects.map((s) => pool(windows.get(key(s, level))!)));
}
