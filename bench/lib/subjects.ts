import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Container, CosmosClient } from '@azure/cosmos';
import { engagementIdFor } from '../../src/playbook/start.js';
import { floorDocId } from '../floor/store.js';
import { BENCH_KEY, CosmosProcess } from '../cosmos/process.js';
import type { BenchChat, ChatPlan } from './chats.js';
import { StandInConnector } from './connector.js';
import { Target } from './load.js';
import type { Subject } from './measure.js';
import {
  BOT_ENTRY,
  botSettings,
  FLOOR_ENTRY,
  floorSettings,
  startProcess,
  type BotProcess,
  type Children,
} from './processes.js';
import { setUpOnBot, setUpOnFloor } from './setup.js';
import { TeamsClient } from './teams.js';
import { cosmosItems, embeddedItems, verifyBot, verifyFloor } from './verify.js';

/** A subject and what it takes to look inside its store and to stop it. */
export interface Running extends Subject {
  /** The stored size in bytes of a chat's engagement (or the floor's document). */
  documentBytes(conversationId: string): Promise<number>;
  /** The bot's own container (Cosmos subjects), for seeding. */
  container?: Container;
  stop(): Promise<void>;
}

const storedBytes = async (container: Container, id: string) => {
  const { resource } = await container.item(id, id).read();
  return resource ? Buffer.byteLength(JSON.stringify(resource)) : 0;
};

/** A fresh Cosmos DB server and the bench's own client to it. */
async function withCosmos(children: Children) {
  const cosmos = await CosmosProcess.start(children);
  const client: CosmosClient = cosmos.client();
  const stop = async () => {
    client.dispose();
    await cosmos.stop();
  };
  return { cosmos, client, stop };
}

/** A bot process behind its own stand-in connector, and Teams' side talking to it. */
async function reach(bot: BotProcess) {
  const connector = await new StandInConnector().start();
  const teams = new TeamsClient(bot.url, connector.serviceUrl);
  const stop = async () => {
    teams.close();
    await bot.stop();
    await connector.stop();
  };
  return { connector, teams, stop };
}

async function setUpAll(
  teams: TeamsClient,
  connector: StandInConnector,
  plans: ChatPlan[],
): Promise<BenchChat[]> {
  const chats: BenchChat[] = [];
  for (const plan of plans) chats.push(await setUpOnBot(teams, connector, plan));
  return chats;
}

/** This bot, `node dist/src/index.js`, on a fresh Cosmos DB server, its chats set up through its cards. */
export async function botOnCosmos(
  children: Children,
  name: string,
  plans: ChatPlan[],
  nodeArgs: string[] = [],
): Promise<Running> {
  const db = await withCosmos(children);
  const database = 'deploy-securely-bench';
  const bot = await startProcess(
    children,
    name,
    BOT_ENTRY,
    botSettings({ cosmos: db.cosmos.endpoint, database }, BENCH_KEY),
    nodeArgs,
  );
  const container = await db.cosmos.container(db.client, database, 'engagements');
  const { connector, teams, stop } = await reach(bot);
  return {
    name,
    target: new Target(name, teams, await setUpAll(teams, connector, plans)),
    process: bot,
    cosmos: db.cosmos,
    connector,
    container,
    verify: (t, ids) => verifyBot(cosmosItems(container), engagementIdFor, t, ids),
    documentBytes: (conversationId) => storedBytes(container, engagementIdFor(conversationId)),
    stop: async () => {
      await stop();
      await db.stop();
    },
  };
}

/** This bot on its embedded store (a fresh folder), the same chats set up the same way. */
export async function botOnEmbedded(
  children: Children,
  name: string,
  plans: ChatPlan[],
  nodeArgs: string[] = [],
): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ds-bench-embedded-'));
  const bot = await startProcess(children, name, BOT_ENTRY, botSettings({ dataDir }, ''), nodeArgs);
  const { connector, teams, stop } = await reach(bot);
  const file = (conversationId: string) =>
    join(dataDir, `${encodeURIComponent(engagementIdFor(conversationId))}.json`);
  return {
    name,
    target: new Target(name, teams, await setUpAll(teams, connector, plans)),
    process: bot,
    connector,
    verify: (t, ids) => verifyBot(embeddedItems(dataDir), engagementIdFor, t, ids),
    documentBytes: async (conversationId) => statSync(file(conversationId)).size,
    stop: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The floor bot (bench/floor) on its own fresh Cosmos DB server, the same chats and people. */
export async function floorOnCosmos(
  children: Children,
  name: string,
  plans: ChatPlan[],
): Promise<Running> {
  const db = await withCosmos(children);
  const bot = await startProcess(
    children,
    name,
    FLOOR_ENTRY,
    floorSettings(db.cosmos.endpoint, BENCH_KEY),
  );
  const container = await db.cosmos.container(db.client, 'floor', 'acks');
  const { connector, teams, stop } = await reach(bot);
  const chats = plans.map((plan, i) => setUpOnFloor(connector, plan, i + 1));
  return {
    name,
    target: new Target(name, teams, chats),
    process: bot,
    cosmos: db.cosmos,
    connector,
    verify: (t) => verifyFloor(container, t),
    documentBytes: (conversationId) => storedBytes(container, floorDocId(conversationId)),
    stop: async () => {
      await stop();
      await db.stop();
    },
  };
}
