import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { cosmosSignInFailure } from './azure-sign-in.js';
import { CardRenderer } from './cards/renderer.js';
import type { AppConfig } from './config.js';
import { ReminderScheduler, newInstanceId } from './reminders/scheduler.js';
import { startServer } from './server.js';
import type { CosmosSettings } from './store/cosmos.js';
import { RequestBudgets } from './store/deadline.js';
import { EngagementWriter } from './store/mutate.js';
import type { EngagementStore } from './store/store.js';
import { CardAnswers } from './chat/answers.js';
import { CardMessages } from './chat/card-messages.js';
import { CommandAnswers } from './chat/commands.js';
import { Directory } from './chat/directory.js';
import { Engagements } from './chat/engagements.js';
import { Replies } from './chat/replies.js';
import { createAdapter, type AuthenticationOverrides } from './teams/adapter.js';
import { DeploySecurelyBot } from './teams/bot.js';
import { Downloads } from './documents/downloads.js';
import { LinkSigner } from './documents/links.js';
import { BotReminderSender } from './teams/proactive.js';
import { TenantLink } from './chat/tenant.js';
import { openTenantReader, type TenantOverrides } from './tenant/open.js';

export interface RunningApp {
  port: number;
  /** Where it answers on this machine, e.g. http://127.0.0.1:3978. */
  url: string;
  /** Where people reach it (download links, the messaging endpoint), when known. */
  publicUrl?: string;
  store: EngagementStore;
  /** Finishes the requests in flight and the writes queued, then closes the store. */
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  clock?: () => Date;
  /** Tests: listen on this address instead of the one the settings imply (never wider than loopback when unauthenticated). */
  host?: string;
  /** A store opened by the caller (tests); otherwise the one the settings name. */
  store?: EngagementStore;
  /** Tests: SDK client options for the Cosmos DB store the settings name (e.g. no endpoint discovery over plain HTTP). */
  cosmosClientOptions?: CosmosSettings['clientOptions'];
  /** Tests only, never from settings: where the keys that sign Bot Framework tokens are published. */
  authentication?: AuthenticationOverrides;
  /** Tests only, never from settings: the token stand-in and the trust of the Graph stand-in. */
  graph?: TenantOverrides;
  /** Set false to run without the reminder scheduler (tests that drive it themselves). */
  reminders?: boolean;
}

const LOOPBACK = '127.0.0.1';

/** On stop, how long the reminder tick and queued writes may still take before the store closes. */
const DRAIN_MS = 5_000;

async function openStore(
  config: AppConfig,
  logger: Logger,
  budgets: RequestBudgets,
  clientOptions: CosmosSettings['clientOptions'],
): Promise<EngagementStore> {
  // Only the store the settings name is loaded: the Cosmos DB SDK is a large part of a start.
  if (config.store.kind === 'cosmos') {
    const { openCosmosStore } = await import('./store/cosmos.js');
    const { endpoint, key, database, container } = config.store;
    try {
      return await openCosmosStore({
        endpoint,
        ...(key ? { key } : {}),
        database,
        container,
        logger,
        budgets,
        ...(clientOptions ? { clientOptions } : {}),
      });
    } catch (err) {
      throw (key ? undefined : cosmosSignInFailure(err, endpoint)) ?? err;
    }
  }
  const { openEmbeddedStore } = await import('./store/embedded.js');
  return openEmbeddedStore({ dataDir: config.store.dataDir, logger });
}

/** Wires config -> store -> bot -> server. The one composition root (src/index.ts runs it). */
export async function startApp(config: AppConfig, options: AppOptions): Promise<RunningApp> {
  const { logger } = options;
  const host = options.host ?? config.host;
  if (config.bot.authentication === 'insecure-local' && host !== LOOPBACK)
    throw new Error(`Without authentication the bot listens on ${LOOPBACK} only, not ${host}.`);
  const clock = options.clock ?? (() => new Date());
  const budgets = new RequestBudgets();
  const store =
    options.store ?? (await openStore(config, logger, budgets, options.cosmosClientOptions));
  const writer = new EngagementWriter(store);
  const directory = new Directory(store, clock, logger);
  const engagements = new Engagements(store, writer.mutate, clock, directory);
  const cards = new CardRenderer();
  const reader = config.graph && openTenantReader(config.graph, logger, options.graph);
  const tenant = reader && new TenantLink(reader, clock);
  const replies = new Replies({
    engagements,
    cards,
    clock,
    defaultTimeZone: config.defaultTimeZone,
    ...(tenant ? { consentLink: (id: string) => tenant.consentLink(id) } : {}),
  });
  // Download links need the address people reach the bot at: the settings', or on this machine
  // (unauthenticated, loopback only) the one it listens on, known once it listens.
  const listening: { port?: number } = {};
  const baseUrl = () =>
    config.publicUrl ??
    (config.bot.authentication === 'insecure-local' && listening.port !== undefined
      ? `http://${LOOPBACK}:${listening.port}`
      : undefined);
  const downloads = new Downloads({
    signer: new LinkSigner(config.downloadKey?.key ?? randomBytes(32)),
    baseUrl,
    load: (id) => store.get(id).then((found) => found?.engagement),
    clock,
  });
  const messages = new CardMessages({ replies, mutate: writer.mutate });
  const answers = new CardAnswers({
    replies,
    messages,
    engagements,
    downloads,
    leadMinutes: config.reminders.leadMinutes,
    ...(tenant ? { tenant } : {}),
  });
  const adapter = createAdapter(config, logger, options.authentication);
  const commands = new CommandAnswers(replies, answers, engagements, messages);
  const bot = new DeploySecurelyBot(answers, commands, logger);
  const server = await startServer({
    port: config.port,
    host,
    version: config.version,
    storeKind: config.store.kind,
    logger,
    // Each request gets its store budget: the store's calls for it end in time for Teams.
    handleMessages: ({ body, authorization }) =>
      budgets.run(() => adapter.handle(body, authorization, (context) => bot.run(context))),
    handleDocument: (path, query) => budgets.run(() => downloads.serve(path, query)),
    about: () => ({
      name: 'deploy-securely-bot',
      description:
        'Deploy Securely: a Microsoft Teams bot that leads the Deploy Securely phase of a FastTrack engagement.',
      version: config.version,
      messagingEndpoint: `${baseUrl() ?? ''}/api/messages`,
      health: `${baseUrl() ?? ''}/healthz`,
    }),
  });
  listening.port = server.port;
  // The cards not yet used are built between the first requests, not before the bot answers.
  cards
    .warm()
    .catch((err: Error) => logger.error({ err: err.message }, 'a card template failed to build'));
  const reminders = new ReminderScheduler({
    store,
    clock,
    logger,
    instanceId: newInstanceId(),
    sender: new BotReminderSender({ adapter, appId: config.bot.appId ?? '', logger }),
    render: (engagement, followUpId, now) =>
      cards.render({ card: 'reminder', engagement, followUpId, now }),
    mutate: writer.mutate,
  });
  if (options.reminders !== false) reminders.start(config.reminders.intervalSeconds * 1000);
  logger.info(
    {
      host,
      port: server.port,
      store: config.store.kind,
      authentication: config.bot.authentication,
      messagingEndpoint: `${baseUrl() ?? `https://<your bot's public address>`}/api/messages`,
      downloadLinks: config.downloadKey
        ? `signed with ${config.downloadKey.source}`
        : 'signed with a key of this process (links end when it restarts; set DOWNLOAD_LINK_KEY when running more than one instance)',
    },
    'Deploy Securely bot listening',
  );
  return {
    port: server.port,
    url: `http://${host === '0.0.0.0' ? LOOPBACK : host}:${server.port}`,
    ...(baseUrl() ? { publicUrl: baseUrl() } : {}),
    store,
    async close() {
      await server.stop();
      // Queued work gets a moment to finish; closing the store then ends whatever still waits
      // for a database that does not answer.
      await Promise.race([
        Promise.all([reminders.stop(), writer.drain()]),
        new Promise((resolve) => setTimeout(resolve, DRAIN_MS).unref()),
      ]);
      await store.close();
      await Promise.all([reminders.stop(), writer.drain()]);
    },
  };
}
