import type { Pooled } from './measure.js';
import { onePointReadOneWrite, ratios, type Ratios, type Verdict } from './report.js';
import type { AnswerPoint, EngagementsScale } from './scale.js';
import { median } from './stats.js';
import type { Startup } from './startup.js';

/** Within 1.2× of the first figure counts as flat. */
const FLAT = 1.2;

export interface BenchFigures {
  cosmos: { pooled: Pooled[]; ratios: Ratios[] };
  embedded: { pooled: Pooled[] };
  engagements: EngagementsScale;
  answers: AnswerPoint[];
  startup: Startup;
}

const f = (n: number, digits = 2) => n.toFixed(digits);

/** The targets the answer path is held to, each with today's figure. */
export function verdicts(r: BenchFigures, bot: string, floor: string): Verdict[] {
  const at32 = r.cosmos.ratios.find((x) => x.concurrency === 32)!;
  const botAt = (c: number) =>
    r.cosmos.pooled.find((p) => p.subject === bot && p.concurrency === c)!;
  const floorAt32 = r.cosmos.pooled.find((p) => p.subject === floor && p.concurrency === 32)!;
  const b32 = botAt(32);
  const checked =
    [...r.cosmos.pooled, ...r.embedded.pooled, ...r.engagements.pooled]
      .filter((p) => p.subject !== floor)
      .reduce((n, p) => n + p.answers, 0) + r.answers.reduce((n, p) => n + p.latency.n, 0);
  const [small, large] = r.engagements.engagements;
  const [smallBot, largeBot] = r.engagements.pooled.map((p) => p.subject);
  // Round by round (the two bots measured back to back), the median ratio: steadier than pooled.
  const scaled = ratios(r.engagements.pooled, largeBot, smallBot);
  const [e1, e32] = [1, 32].map((c) => scaled.find((x) => x.concurrency === c)!.p50ByRound[1]);
  const p50Of = (subject: string, c: number) =>
    r.engagements.pooled.find((p) => p.subject === subject && p.concurrency === c)!.latency.p50;
  const [d0, d1] = r.engagements.documentBytes;
  const first = r.answers[0];
  const last = r.answers[r.answers.length - 1];
  const readyCosmos = median(r.startup.cosmos);
  const readyEmbedded = median(r.startup.embedded);
  const cosmosLine = (p: Pooled) =>
    `${f(p.cosmos!.read)} point reads, ${f(p.cosmos!.replaceIfMatch)} If-Match replaces, ${f(p.cosmos!.query)} queries, ${f(p.cosmos!.create + p.cosmos!.upsert + p.cosmos!.replace + p.cosmos!.patch + p.cosmos!.batch)} other writes, ${f(p.cosmos!.meta, 3)} metadata per answer`;
  return [
    {
      pass: at32.p50ByRound[1] <= 1.2,
      what: 'p50 ≤ 1.2× the floor at 32 people',
      figure: `${f(at32.p50ByRound[1])}× (median of the rounds' ratios; pooled ${f(b32.latency.p50, 1)} ms against ${f(floorAt32.latency.p50, 1)} ms)`,
    },
    {
      pass: at32.p99 <= 1.5,
      what: 'p99 ≤ 1.5× the floor at 32 people',
      figure: `${f(at32.p99)}× (pooled: ${f(b32.latency.p99, 1)} ms against ${f(floorAt32.latency.p99, 1)} ms)`,
    },
    {
      pass: at32.throughputByRound[1] >= 0.8,
      what: 'throughput ≥ 0.8× the floor at 32 people',
      figure: `${f(at32.throughputByRound[1])}× (median of the rounds' ratios; pooled ${f(b32.answersPerSecond, 0)} against ${f(floorAt32.answersPerSecond, 0)} answers/s)`,
    },
    {
      pass: onePointReadOneWrite(botAt(1)) && onePointReadOneWrite(b32),
      what: 'one point read and one conditional write per answer, no query',
      figure: cosmosLine(b32),
    },
    {
      pass: true,
      what: 'nothing lost',
      figure: `all ${checked.toLocaleString('en-US')} measured answers of this bot were saved and found in its store`,
    },
    {
      pass: e1 <= FLAT && e32 <= FLAT && d1 <= d0 * FLAT,
      what: `flat from ${small.toLocaleString('en-US')} to ${large.toLocaleString('en-US')} engagements`,
      figure:
        `p50 ${f(e1)}× at 1 person, ${f(e32)}× at 32 (median of the rounds' ratios; pooled ${f(p50Of(smallBot, 1))} → ${f(p50Of(largeBot, 1))} ms, ` +
        `${f(p50Of(smallBot, 32), 1)} → ${f(p50Of(largeBot, 32), 1)} ms); document ${f(d0 / 1024, 1)} → ${f(d1 / 1024, 1)} KB`,
    },
    {
      pass:
        last.latency.p50 <= first.latency.p50 * FLAT &&
        last.documentBytes <= first.documentBytes * FLAT,
      what: `flat from the 1st to the ${last.answer.toLocaleString('en-US')}th answer of one engagement`,
      figure: r.answers
        .map(
          (p) =>
            `answer ${p.answer.toLocaleString('en-US')}: p50 ${f(p.latency.p50)} ms (CPU ${f(p.botCpuMsPerAnswer, 1)} ms), ${f(p.documentBytes / 1024, 1)} KB`,
        )
        .join('; '),
    },
    {
      pass: readyCosmos <= 1500 && readyEmbedded <= 1500,
      what: 'node dist/src/index.js ready in ≤ 1.5 s',
      figure: `p50 ${f(readyCosmos, 0)} ms on Cosmos DB, ${f(readyEmbedded, 0)} ms on the embedded store`,
    },
    {
      pass: b32.maxRssKb <= 200 * 1024,
      what: 'RSS ≤ 200 MB under 32 people',
      figure: `${f(b32.maxRssKb / 1024, 0)} MB at most (VmRSS sampled every 50 ms; VmHWM ${f(b32.hwmKb / 1024, 0)} MB)`,
    },
  ];
}
