import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Engagement } from '../../src/playbook/engagement.js';
import type { ReminderSender } from '../../src/reminders/sender.js';
import { ReminderScheduler, type ReminderSchedulerDeps } from '../../src/reminders/scheduler.js';
import { openCosmosStore, type CosmosEngagementStore } from '../../src/store/cosmos.js';
import { BotReminderSender, type ProactiveAdapter } from '../../src/teams/proactive.js';
import { cosmosSettings, startCosmosServer, type CosmosServer } from '../support/cosmos-server.js';

/** A clock the test moves by hand. */
export class TestClock {
  constructor(public now: Date) {}
  readonly read = (): Date => new Date(this.now);
  set(at: Date): void {
    this.now = at;
  }
}

/** The card the scheduler sends in these tests: it names the reminder, so sends can be counted. */
export function testCard(e: Engagement, followUpId: string): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: `Reminder for ${e.customer}`, wrap: true }],
    engagementId: e.engagementId,
    followUpId,
  };
}

/** Records every send, keyed engagement/follow-up; yields first, so concurrent ticks interleave. */
export class RecordingSender implements ReminderSender {
  readonly sends: string[] = [];
  async send(reference: Record<string, unknown>, card: Record<string, unknown>): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    expect(reference).toMatchObject({
      channelId: 'msteams',
      conversation: { id: expect.any(String) },
    });
    this.sends.push(`${String(card.engagementId)}/${String(card.followUpId)}`);
  }
  /** How many times each reminder was sent. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const key of this.sends) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  }
}

export type Step = Error | 'ok';

export function httpError(statusCode: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`Teams answered ${statusCode}`), {
    statusCode,
    response: {
      status: statusCode,
      headers: { get: (name: string) => headers[name.toLowerCase()] },
    },
  });
}

/**
 * The real BotReminderSender on a fake CloudAdapter whose sendActivity follows `steps` (then
 * succeeds): fault injection for the Teams side. Sleeps are recorded, not slept.
 */
export function scriptedBotSender(steps: Step[], maxAttempts = 3) {
  const delivered: unknown[] = [];
  const sleeps: number[] = [];
  let calls = 0;
  const adapter: ProactiveAdapter = {
    async continueConversationAsync(_appId, _reference, logic) {
      calls++;
      await logic({
        sendActivity: async (activity: unknown) => {
          const step = steps.shift() ?? 'ok';
          if (step !== 'ok') throw step;
          delivered.push(activity);
          return { id: `a-${delivered.length}` };
        },
      } as unknown as TurnContext);
    },
  };
  const sender = new BotReminderSender({
    adapter,
    appId: 'bot-app-id',
    maxAttempts,
    baseDelayMs: 1000,
    maxDelayMs: 8000,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { sender, delivered, sleeps, calls: () => calls };
}

export interface ReminderCosmos {
  server(): CosmosServer;
  /** A new CosmosClient on the database: one bot instance's store. */
  open(database: string): Promise<CosmosEngagementStore>;
  freshDatabase(): string;
}

/** One in-process Cosmos DB server for the test file; every store opened is closed after it. */
export function useReminderCosmos(): ReminderCosmos {
  let server: CosmosServer | undefined;
  const stores: CosmosEngagementStore[] = [];
  beforeAll(async () => {
    server = await startCosmosServer();
  });
  afterEach(() => server?.inject(undefined));
  afterAll(async () => {
    for (const store of stores.splice(0)) await store.close();
    await server?.stop();
  });
  const running = (): CosmosServer => {
    if (!server) throw new Error('the Cosmos DB test server is not running');
    return server;
  };
  return {
    server: running,
    open: async (database) => {
      const store = await openCosmosStore(cosmosSettings(running().endpoint, { database }));
      stores.push(store);
      return store;
    },
    freshDatabase: () => `reminders-${randomUUID()}`,
  };
}

/** A scheduler with the test card, no jitter in its retry policy, and a recorded (not slept) sleep. */
export function schedulerFor(
  deps: Pick<ReminderSchedulerDeps, 'store' | 'sender' | 'clock' | 'instanceId'> &
    Partial<ReminderSchedulerDeps>,
): ReminderScheduler {
  return new ReminderScheduler({
    render: (e, followUpId) => testCard(e, followUpId),
    claimMs: 2 * 60_000,
    retry: { maxAttempts: 4, baseDelayMs: 60_000, maxDelayMs: 30 * 60_000, random: () => 0.5 },
    sleep: async () => undefined,
    ...deps,
  });
}
