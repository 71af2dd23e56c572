import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Container, CosmosClient } from '@azure/cosmos';
import { engagementIdFor } from '../../src/playbook/start.js';
import { floorDocId } from '../floor/store.js';
import { BENCH_KEY, CosmosProcess } from '../cosmos/process.js';
import type { ChatPlan } from './chats.js';
import { StandInConnector } from './connector.js';
import { Target } from './load.js';
import type { Subject } from './measure.js';
import {
  BOT_ENTRY,
  botSettings,
  FLOOR_ENTRY,
  floorSettings,
  startProcess,
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

async function withCosmos(children: Children) {
  const cosmos = await CosmosProcess.start(children);
  const client: CosmosClient = cosmos.client();
  return { cosmos, client };
}

/** This bot, `node dist/src/index.js`, on a fresh Cosmos DB server, its chats set up through its cards. */
export async function botOnCosmos(
  children: Children,
  name: string,
  plans: ChatPlan[],
  nodeArgs: string[] = [],
): Promise<Running> {
  const { cosmos, client } = await withCosmos(children);
  const database = 'deploy-securely-bench';
  const bot = await startProcess(
    children,
    name,
    BOT_ENTRY,
    botSettings({ cosmos: cosmos.endpoint, database }, BENCH_KEY),
    nodeArgs,
  );
  const container = await cosmos.container(client, database, 'engagements');
  const connector = await new StandInConnector().start();
  const teams = new TeamsClient(bot.url, connector.serviceUrl);
  const chats = [];
  for (const plan of plans) chats.push(await setUpOnBot(teams, connector, plan));
  const target = new Target(name, teams, chats);
  return {
    name,
    target,
    process: bot,
    cosmos,
    connector,
    container,
    verify: (t, ids) => verifyBot(cosmosItems(container), engagementIdFor, t, ids),
    documentBytes: (conversationId) => storedBytes(container, engagementIdFor(conversationId)),
    stop: async () => {
      teams.close();
      await bot.stop();
      client.dispose();
      await cosmos.stop();
      await connector.stop();
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
  const connector = await new StandInConnector().start();
  const teams = new TeamsClient(bot.url, connector.serviceUrl);
  const chats = [];
  for (const plan of plans) chats.push(await setUpOnBot(teams, connector, plan));
  const target = new Target(name, teams, chats);
  const file = (conversationId: string) =>
    join(dataDir, `${encodeURIComponent(engagementIdFor(conversationId))}.json`);
  return {
    name,
    target,
    process: bot,
    connector,
    verify: (t, ids) => verifyBot(embeddedItems(dataDir), engagementIdFor, t, ids),
    documentBytes: async (conversationId) => statSync(file(conversationId)).size,
    stop: async () => {
      teams.close();
      await bot.stop();
      await connector.stop();
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
  const { cosmos, client } = await withCosmos(children);
  const bot = await startProcess(
    children,
    name,
    FLOOR_ENTRY,
    floorSettings(cosmos.endpoint, BENCH_KEY),
  );
  const container = await cosmos.container(client, 'floor', 'acks');
  const connector = await new StandInConnector().start();
  const teams = new TeamsClient(bot.url, connector.serviceUrl);
  const chats = plans.map((plan, i) => setUpOnFloor(connector, plan, i + 1));
  const target = new Target(name, teams, chats);
  return {
    name,
    target,
    process: bot,
    cosmos,
    connector,
    verify: (t) => verifyFloor(container, t),
    documentBytes: (conversationId) => storedBytes(container, floorDocId(conversationId)),
    stop: async () => {
      teams.close();
      await bot.stop();
      client.dispose();
      await cosmos.stop();
      await connector.stop();
    },
  };
}
