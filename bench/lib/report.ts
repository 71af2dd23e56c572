import { describeCounts, REQUEST_KINDS } from '../cosmos/kinds.js';
import type { Pooled } from './measure.js';
import type { AnswerPoint, EngagementsScale } from './scale.js';
import { median } from './stats.js';
import type { Startup } from './startup.js';

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (kbytes: number) => `${(kbytes / 1024).toFixed(0)} MB`;
const x = (r: number) => `${r.toFixed(2)}×`;

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(head));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  rows.forEach((r) => console.log(line(r)));
}

/** A section's title, with the seconds since the run began. */
export function section(title: string, began?: number): void {
  const at = began === undefined ? '' : `  [${Math.round((Date.now() - began) / 1000)} s]`;
  console.log(`\n${title}${at}`);
}

/** One row per bot and concurrency: latency, throughput, what each answer cost. */
export function printLoad(pooled: Pooled[]): void {
  table(
    [
      'bot',
      'people',
      'answers',
      'p50 ms',
      'p99 ms',
      'answers/s',
      'Cosmos per answer',
      'connector per answer',
      'bot CPU ms/answer',
      'DB CPU ms/answer',
      'max RSS',
    ],
    pooled.map((p) => [
      p.subject,
      String(p.concurrency),
      String(p.answers),
      ms(p.latency.p50),
      ms(p.latency.p99),
      p.answersPerSecond.toFixed(0),
      p.cosmos ? describeCounts(p.cosmos, 1) : 'local files',
      `${p.connector.updates.toFixed(2)} update${p.connector.posts ? ` + ${p.connector.posts.toFixed(2)} post` : ''}`,
      ms(p.botCpuMsPerAnswer),
      p.dbCpuMsPerAnswer === undefined ? '-' : ms(p.dbCpuMsPerAnswer),
      mb(p.maxRssKb),
    ]),
  );
}

export interface Ratios {
  concurrency: number;
  /** Pooled over the rounds. */
  p50: number;
  p99: number;
  throughput: number;
  /** CPU time of the bot's process per answer, the steadiest figure on a busy machine. */
  cpu: number;
  /** Round by round (the two measured back to back): lowest, median, highest. */
  p50ByRound: [number, number, number];
  throughputByRound: [number, number, number];
}

function spread(values: number[]): [number, number, number] {
  return [Math.min(...values), median(values), Math.max(...values)];
}

export function ratios(pooled: Pooled[], subject: string, floor: string): Ratios[] {
  return [...new Set(pooled.map((p) => p.concurrency))].map((c) => {
    const a = pooled.find((p) => p.subject === subject && p.concurrency === c)!;
    const b = pooled.find((p) => p.subject === floor && p.concurrency === c)!;
    const byRound = (f: (r: Pooled['perRound'][number]) => number) =>
      spread(a.perRound.map((r, i) => f(r) / f(b.perRound[i])));
    return {
      concurrency: c,
      p50: a.latency.p50 / b.latency.p50,
      p99: a.latency.p99 / b.latency.p99,
      throughput: a.answersPerSecond / b.answersPerSecond,
      cpu: a.botCpuMsPerAnswer / b.botCpuMsPerAnswer,
      p50ByRound: byRound((r) => r.p50),
      throughputByRound: byRound((r) => r.answersPerSecond),
    };
  });
}

export function printRatios(label: string, rs: Ratios[]): void {
  const range = ([lo, mid, hi]: number[]) => `${x(lo)}–${x(hi)}, median ${x(mid)}`;
  for (const r of rs)
    console.log(
      `  ${label} at ${r.concurrency} ${r.concurrency === 1 ? 'person' : 'people'}: p50 ${x(r.p50)}, p99 ${x(r.p99)}, throughput ${x(r.throughput)}, CPU per answer ${x(r.cpu)}` +
        ` (round by round: p50 ${range(r.p50ByRound)}; throughput ${range(r.throughputByRound)})`,
    );
}

export function printEngagements(s: EngagementsScale): void {
  printLoad(s.pooled);
  const [small, large] = s.pooled.map((p) => p.subject);
  printRatios(`${large} / ${small}`, ratios(s.pooled, large, small));
  console.log(
    `  engagement document: ${kb(s.documentBytes[0])} at ${s.engagements[0].toLocaleString('en-US')} engagements, ${kb(s.documentBytes[1])} at ${s.engagements[1].toLocaleString('en-US')}`,
  );
}

export function printAnswers(points: AnswerPoint[]): void {
  table(
    [
      'answer of one engagement',
      'document',
      'p50 ms',
      'p99 ms',
      'bot CPU ms/answer',
      'answers in window',
    ],
    points.map((p) => [
      p.answer.toLocaleString('en-US'),
      kb(p.documentBytes),
      ms(p.latency.p50),
      ms(p.latency.p99),
      ms(p.botCpuMsPerAnswer),
      String(p.latency.n),
    ]),
  );
}

export function printStartup(s: Startup): void {
  const row = (name: string, runs: number[]) => [
    name,
    String(runs.length),
    ms(median(runs)),
    ms(Math.min(...runs)),
    ms(Math.max(...runs)),
  ];
  table(
    ['process', 'runs', 'ready p50 ms', 'min', 'max'],
    [
      row('node dist/src/index.js, Cosmos DB', s.cosmos),
      row('node dist/src/index.js, embedded store', s.embedded),
      row('floor (bench/floor)', s.floor),
    ],
  );
}

export interface Verdict {
  pass: boolean;
  what: string;
  figure: string;
}

export function printVerdicts(verdicts: Verdict[]): void {
  for (const v of verdicts) console.log(`${v.pass ? 'PASS' : 'FAIL'}  ${v.what}: ${v.figure}`);
}

/** Exactly one point read and one If-Match replace per answer, and nothing else but (rare) metadata. */
export function onePointReadOneWrite(p: Pooled): boolean {
  const c = p.cosmos;
  if (!c) return false;
  const close = (a: number, b: number) => Math.abs(a - b) < 0.005;
  return (
    close(c.read, 1) &&
    close(c.replaceIfMatch, 1) &&
    REQUEST_KINDS.every((k) => ['read', 'replaceIfMatch', 'meta'].includes(k) || c[k] === 0) &&
    c.meta < 0.01
  );
}
