/**
 * How fast a card answer is answered: the real server, adapter, door, playbook and store, driven
 * over HTTP with `adaptiveCard/action` invokes, against the embedded store and against a Cosmos DB
 * server (@vercel/cosmosdb-server in this process). Prints figures; asserts nothing.
 *   npm run bench            (ANSWERS=300 to change the count)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { startApp } from '../src/app.js';
import { CardRenderer } from '../src/cards/renderer.js';
import { loadConfig } from '../src/config.js';
import { openCosmosStore } from '../src/store/cosmos.js';
import type { EngagementStore } from '../src/store/store.js';
import { Chat } from '../test/support/chat.js';
import { TeamsChannel, type ChannelUser } from '../test/support/teams-channel.js';
import { Template } from 'adaptivecards-templating';
import { readFileSync } from 'node:fs';
import { FE, midway, NOW } from '../test/support/engagements.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const person = (name: string, n: number): ChannelUser => ({
  id: `29:${n}`,
  aadObjectId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
  name,
  tenantId: TENANT,
});

function stats(label: string, ms: number[]): void {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(1);
  console.log(
    `${label.padEnd(44)} n=${String(sorted.length).padStart(4)}  p50 ${at(0.5).padStart(6)} ms  p95 ${at(0.95).padStart(6)} ms  max ${sorted[sorted.length - 1].toFixed(1).padStart(6)} ms`,
  );
}

async function answers(
  label: string,
  store: EngagementStore | undefined,
  count: number,
): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ds-bench-'));
  const channel = new TeamsChannel();
  await channel.start();
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    INSECURE_LOCAL_UNAUTHENTICATED: 'true',
  });
  const app = await startApp(config, {
    logger: pino({ level: 'silent' }),
    host: '127.0.0.1',
    ...(store ? { store } : {}),
  });
  const chat = new Chat(
    `http://127.0.0.1:${app.port}/api/messages`,
    channel,
    '19:bench@thread.v2',
    'groupChat',
    TENANT,
  );
  const fm = person('Megan Bowen', 1);
  const stakeholders = Array.from({ length: 10 }, (_, i) => person(`Stakeholder ${i}`, 100 + i));
  channel.rosters.set('19:bench@thread.v2', [fm, ...stakeholders]);
  await chat.say(fm, 'start Contoso');
  const card = chat.last();
  await chat.execute(fm, card, 'kickoff.confirm', { card: 'roles' });
  for (const s of stakeholders) {
    await chat.execute(fm, card, 'roles.assign', {
      card: 'roles',
      person: s.aadObjectId,
      role: 'stakeholder',
      title: 'IT',
    });
  }
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const who = stakeholders[i % stakeholders.length];
    const started = performance.now();
    await chat.execute(who, card, 'agenda.acknowledge', {
      card: 'agenda',
      topics: 'importance,baseline',
      question: `Question ${i}`,
    });
    times.push(performance.now() - started);
  }
  stats(`${label}: one answer (invoke -> stored -> card)`, times);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      chat.execute(stakeholders[i % 10], card, 'agenda.acknowledge', {
        card: 'agenda',
        topics: 'importance',
        question: `Burst ${i}`,
      }),
    ),
  );
  console.log(
    `${label}: 50 answers at once by 10 people          all answered in ${(performance.now() - started).toFixed(0)} ms`,
  );
  await app.close();
  await channel.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

function rendering(): void {
  const renderer = new CardRenderer();
  const engagement = midway();
  for (const card of ['workshop', 'summary', 'status'] as const) {
    const req = { card, engagement, now: NOW, viewer: { id: FE.id, role: 'FE' as const } };
    const cached: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      renderer.render(req);
      cached.push(performance.now() - started);
    }
    stats(`${card} card, cached template`, cached);
    const json = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'cards', `${card}.json`), 'utf8'),
    ) as object;
    const fresh: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      new Template(json).expand({ $root: renderer.view(req) });
      fresh.push(performance.now() - started);
    }
    stats(`${card} card, a fresh Template per call`, fresh);
  }
}

async function main(): Promise<void> {
  const count = Number(process.env.ANSWERS ?? 200);
  console.log(`Deploy Securely bot, card answer latency (node ${process.version})`);
  rendering();
  await answers('embedded store', undefined, count);
  const server = createHttpServer({ keepAlive: true });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const store = await openCosmosStore({
    endpoint,
    key: 'dGVzdC1vbmx5LWtleQ==',
    database: 'bench',
    container: 'engagements',
    clientOptions: { connectionPolicy: { enableEndpointDiscovery: false } },
  });
  await answers('Cosmos DB (in-process server)', store, count);
  server.closeAllConnections();
  server.close();
}

main().catch((err: Error) => {
  console.error(err);
  process.exit(1);
});
