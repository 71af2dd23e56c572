import type { Logger } from 'pino';
import { CardRenderer } from './cards/renderer.js';
import type { AppConfig } from './config.js';
import { ReminderScheduler, newInstanceId } from './reminders/scheduler.js';
import { startServer } from './server.js';
import { openCosmosStore } from './store/cosmos.js';
import { openEmbeddedStore } from './store/embedded.js';
import { EngagementWriter } from './store/mutate.js';
import type { EngagementStore } from './store/store.js';
import { createAdapter } from './teams/adapter.js';
import { CardAnswers } from './teams/answers.js';
import { DeploySecurelyBot } from './teams/bot.js';
import { BotReminderSender } from './teams/proactive.js';
import { Engagements } from './teams/engagements.js';

export interface RunningApp {
  port: number;
  store: EngagementStore;
  /** Finishes the requests in flight and the writes queued, then closes the store. */
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  clock?: () => Date;
  host?: string;
  /** A store opened by the caller (tests); otherwise the one the settings name. */
  store?: EngagementStore;
  /** Set false to run without the reminder scheduler (tests that drive it themselves). */
  reminders?: boolean;
}

async function openStore(config: AppConfig, logger: Logger): Promise<EngagementStore> {
  if (config.store.kind === 'cosmos') {
    const { endpoint, key, database, container } = config.store;
    return openCosmosStore({ endpoint, ...(key ? { key } : {}), database, container, logger });
  }
  return openEmbeddedStore({ dataDir: config.store.dataDir, logger });
}

/** Wires config -> store -> bot -> server. The one composition root (src/index.ts runs it). */
export async function startApp(config: AppConfig, options: AppOptions): Promise<RunningApp> {
  const { logger } = options;
  const clock = options.clock ?? (() => new Date());
  const store = options.store ?? (await openStore(config, logger));
  const writer = new EngagementWriter(store);
  const engagements = new Engagements(store, (id, decide) => writer.mutate(id, decide), clock);
  const cards = new CardRenderer();
  const answers = new CardAnswers({
    engagements,
    cards,
    clock,
    leadMinutes: config.reminders.leadMinutes,
    defaultTimeZone: config.defaultTimeZone,
  });
  const adapter = createAdapter(config, logger);
  const bot = new DeploySecurelyBot(answers, logger);
  const server = await startServer({
    port: config.port,
    ...(options.host ? { host: options.host } : {}),
    version: config.version,
    storeKind: config.store.kind,
    handleMessages: (req, res) => adapter.process(req, res, (context) => bot.run(context)),
  });
  const reminders = new ReminderScheduler({
    store,
    clock,
    logger,
    instanceId: newInstanceId(),
    sender: new BotReminderSender({ adapter, appId: config.bot.appId ?? '', logger }),
    render: (engagement, followUpId, now) =>
      cards.render({ card: 'reminder', engagement, followUpId, now }),
    mutate: (id, decide) => writer.mutate(id, decide),
  });
  if (options.reminders !== false) reminders.start(config.reminders.intervalSeconds * 1000);
  logger.info({ port: server.port, store: config.store.kind }, 'Deploy Securely bot listening');
  return {
    port: server.port,
    store,
    async close() {
      await server.stop();
      await reminders.stop();
      await writer.drain();
      await store.close();
    },
  };
}
