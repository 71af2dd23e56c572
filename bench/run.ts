/**
 * npm run bench [-- --quick]
 *
 * What a card answer costs this bot, against the least it can cost on the same stack (the floor,
 * bench/floor), in one run: each bot as its own process on its own Cosmos DB protocol server over
 * TLS, both behind the same stand-in Bot Connector, driven by the same stakeholders acknowledging
 * the Security Conversation agenda in 8 engagement chats, at 1 and 32 people at once, in
 * interleaved rounds after a warm-up. Then the embedded store, 10 against 10,000 engagements, one
 * engagement from its 1st to its 5,000th answer, start-up, and a CPU profile under load.
 *
 * Every measured answer must be saved (HTTP 200, a card saying "Saved: …") and found in the store
 * afterwards; otherwise the run stops with exit code 1. Performance targets print PASS or FAIL
 * and do not change the exit code. Figures go to stdout and bench/results/latest.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { printSummary } from './profile.js';
import { planChats } from './lib/chats.js';
import { compare, type Level } from './lib/measure.js';
import { Children, ROOT } from './lib/processes.js';
import { profileUnderLoad, RESULTS_DIR, type Profiled } from './lib/profiling.js';
import {
  printAnswers,
  printEngagements,
  printLoad,
  printRatios,
  printStartup,
  printVerdicts,
  ratios,
  section,
} from './lib/report.js';
import { answersScale, engagementsScale } from './lib/scale.js';
import { startup } from './lib/startup.js';
import { botOnCosmos, botOnEmbedded, floorOnCosmos } from './lib/subjects.js';
import { verdicts } from './lib/verdicts.js';
import { WrongPath } from './lib/verify.js';

const QUICK = process.argv.includes('--quick');

const PLAN = QUICK
  ? {
      warmUp: 160,
      levels: [
        { concurrency: 1, answers: 30 },
        { concurrency: 32, answers: 160 },
      ],
      rounds: 3,
      otherRounds: 2,
      engagements: 1_000,
      checkpoints: [1, 500, 1_000],
      window: 30,
      startupRuns: 3,
      profiles: [['cosmos', 400]] as const,
    }
  : {
      warmUp: 240,
      levels: [
        { concurrency: 1, answers: 40 },
        { concurrency: 32, answers: 240 },
      ],
      rounds: 5,
      otherRounds: 3,
      engagements: 10_000,
      checkpoints: [1, 1_000, 5_000],
      window: 40,
      startupRuns: 5,
      profiles: [
        ['cosmos', 500],
        ['embedded', 500],
      ] as const,
    };

async function main(children: Children): Promise<void> {
  const began = Date.now();
  const loadBefore = loadavg()[0];
  const levels: Level[] = PLAN.levels;
  console.log(
    `Card answer bench${QUICK ? ' (--quick)' : ''}: node ${process.version}, ${cpus().length} cores, load average ${loadBefore.toFixed(1)} before it starts, ${new Date().toISOString()}`,
  );
  console.log(
    `Load: 8 engagement chats × 4 stakeholders acknowledging the Security Conversation agenda (Action.Execute agenda.acknowledge), warm-up ${PLAN.warmUp}, then rounds of ${levels.map((l) => `${l.answers} answers at ${l.concurrency}`).join(' and ')}, bots and levels interleaved (${PLAN.rounds} rounds against the floor, ${PLAN.otherRounds} on the embedded store, 2 at 10 against many engagements).`,
  );
  const plans = planChats('load', 8, 4);

  section('A. This bot against the floor, each on its own Cosmos DB server (TLS, loopback)', began);
  const bot = await botOnCosmos(children, 'this bot', plans);
  const floor = await floorOnCosmos(children, 'floor', plans);
  const cosmos = await compare([bot, floor], levels, PLAN.rounds, PLAN.warmUp);
  printLoad(cosmos);
  const cosmosRatios = ratios(cosmos, bot.name, floor.name);
  printRatios('this bot / floor', cosmosRatios);
  const documents = {
    bot: await bot.documentBytes(plans[0].conversationId),
    floor: await floor.documentBytes(plans[0].conversationId),
  };
  const sharedCard = {
    bot: bot.connector.updateBytes(plans[0].conversationId) ?? 0,
    floor: floor.connector.updateBytes(plans[0].conversationId) ?? 0,
  };
  console.log(
    `  engagement document: this bot ${(documents.bot / 1024).toFixed(1)} KB, floor ${(documents.floor / 1024).toFixed(1)} KB; shared card update sent to the connector: ${(sharedCard.bot / 1024).toFixed(1)} KB, floor ${(sharedCard.floor / 1024).toFixed(1)} KB`,
  );
  await bot.stop();

  section(
    'B. This bot on its embedded store (local files, fsync), the floor on Cosmos DB for reference',
    began,
  );
  const embeddedBot = await botOnEmbedded(children, 'this bot, embedded', plans);
  const embedded = await compare([embeddedBot, floor], levels, PLAN.otherRounds, PLAN.warmUp);
  printLoad(embedded);
  const embeddedRatios = ratios(embedded, embeddedBot.name, floor.name);
  printRatios('this bot (embedded) / floor', embeddedRatios);
  await embeddedBot.stop();
  await floor.stop();

  section(
    `C. 10 against ${PLAN.engagements.toLocaleString('en-US')} engagements in the store (this bot, Cosmos DB)`,
    began,
  );
  const engagements = await engagementsScale(
    children,
    10,
    PLAN.engagements,
    levels,
    2,
    PLAN.warmUp,
  );
  printEngagements(engagements);

  section(
    `D. One engagement from its 1st to its ${PLAN.checkpoints.at(-1)!.toLocaleString('en-US')}th answer (a stakeholder re-acknowledging, 1 person at a time, ${PLAN.window} answers measured at each point)`,
    began,
  );
  const answers = await answersScale(children, PLAN.checkpoints, PLAN.window, 160);
  printAnswers(answers);

  section('E. Start-up: spawn to the first 200 from GET /healthz', began);
  const started = await startup(children, PLAN.startupRuns);
  printStartup(started);

  section('F. CPU profile of the bot under 32 people (its own run; profiling slows it)', began);
  const profiles: Profiled[] = [];
  for (const [store, n] of PLAN.profiles) {
    const p = await profileUnderLoad(children, store, n);
    profiles.push(p);
    console.log(
      `  ${store === 'cosmos' ? 'Cosmos DB' : 'embedded store'}, ${n} answers (${relative(ROOT, p.file)}):`,
    );
    printSummary(p.summary, n);
  }

  const results = {
    command: `npm run bench${QUICK ? ' -- --quick' : ''}`,
    date: new Date().toISOString(),
    node: process.version,
    cores: cpus().length,
    loadAverageBefore: loadBefore,
    loadAverage5min: loadavg()[1],
    durationSeconds: Math.round((Date.now() - began) / 1000),
    load: {
      chats: 8,
      stakeholdersPerChat: 4,
      verb: 'agenda.acknowledge',
      warmUp: PLAN.warmUp,
      levels,
      rounds: PLAN.rounds,
      otherRounds: PLAN.otherRounds,
    },
    cosmos: {
      pooled: cosmos,
      ratios: cosmosRatios,
      documentBytes: documents,
      sharedCardUpdateBytes: sharedCard,
    },
    embedded: { pooled: embedded, ratios: embeddedRatios },
    engagements,
    answers,
    startup: started,
    profiles: profiles.map((p) => ({ ...p, file: relative(ROOT, p.file) })),
  };
  const verdictList = verdicts(results, bot.name, floor.name);
  console.log(
    `\nLoad average over the last 5 minutes: ${loadavg()[1].toFixed(1)} on ${cpus().length} cores (other work on the machine moves every latency; CPU per answer moves least).`,
  );
  section('Where the bot stands (flat = within 1.2× of the first figure)');
  printVerdicts(verdictList);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const out = join(RESULTS_DIR, 'latest.json');
  writeFileSync(out, `${JSON.stringify({ ...results, verdicts: verdictList }, null, 2)}\n`);
  console.log(`\nFigures: ${relative(ROOT, out)} (${results.durationSeconds} s)`);
}

const children = new Children();
process.on('SIGINT', () => {
  children.killAll();
  process.exit(130);
});
// The bench's Cosmos DB servers present an expired self-signed certificate: this process (and the
// bots it starts, through their settings) accept it; nothing else does.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
main(children).then(
  () => process.exit(0),
  (err: Error) => {
    children.killAll();
    if (err instanceof WrongPath) {
      console.error(
        `\nBENCH FAILED: it measured something other than a saved answer.\n${err.message}`,
      );
    } else {
      console.error(`\nBENCH FAILED: ${err.stack ?? err.message}`);
    }
    process.exit(1);
  },
);
