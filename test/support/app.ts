import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { startApp, type AppOptions, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { EngagementStore } from '../../src/store/store.js';
import { Chat, type ChatPlace } from './chat.js';
import { TeamsChannel, type ChannelUser, type PostedMessage } from './teams-channel.js';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const OTHER_TENANT = '0f0e0d0c-0b0a-0908-0706-050403020100';

export function user(name: string, n: number, tenantId = TENANT): ChannelUser {
  const hex = n.toString(16).padStart(12, '0');
  return {
    id: `29:${name.toLowerCase().replace(/\s+/g, '-')}`,
    aadObjectId: `00000000-0000-4000-8000-${hex}`,
    name,
    tenantId,
  };
}

export const PEOPLE = {
  fm: user('Megan Bowen', 1),
  fe: user('Alex Wilber', 2),
  sme: user('Lee Gu', 3),
  bdm: user('Nestor Wilke', 4),
  architect: user('Patti Fernandez', 5),
  stranger: user('Diego Siciliani', 6),
  outsider: user('Eve Outsider', 7, OTHER_TENANT),
};

export type Assignment = [person: ChannelUser, role: string, title?: string];

export interface TestBot {
  app: RunningApp;
  url: string;
  channel: TeamsChannel;
  chat(conversationId?: string, kind?: Chat['kind']): Chat;
  /** A chat hosted by `tenantId`: a guests' group chat, a team's (shared) channel, a 1:1. */
  chatIn(conversationId: string, kind: Chat['kind'], tenantId: string, place?: ChatPlace): Chat;
  /**
   * A chat whose members are the FM and the people given, where the FM has started an engagement,
   * confirmed the kickoff and assigned each role: the chat and the card the FM started it with.
   */
  engagement(
    conversationId: string,
    customer: string,
    roles: Assignment[],
    kind?: Chat['kind'],
  ): Promise<{ chat: Chat; card: PostedMessage }>;
  close(): Promise<void>;
}

/** The real bot (server, adapter, door, playbook, store) on a free port, with a Teams-like channel. */
export async function startTestBot(
  options: {
    store?: EngagementStore;
    env?: NodeJS.ProcessEnv;
    clock?: () => Date;
    logger?: Logger;
  } & Pick<AppOptions, 'authentication' | 'cosmosClientOptions' | 'reminders' | 'graph'> = {},
): Promise<TestBot> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ds-bot-'));
  const channel = new TeamsChannel();
  await channel.start();
  const config = loadConfig(
    {
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      INSECURE_LOCAL_UNAUTHENTICATED: 'true',
      ...options.env,
    },
    '1.2.3',
  );
  const app = await startApp(config, {
    logger: options.logger ?? pino({ level: 'silent' }),
    host: '127.0.0.1',
    ...(options.store ? { store: options.store } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.authentication ? { authentication: options.authentication } : {}),
    ...(options.cosmosClientOptions ? { cosmosClientOptions: options.cosmosClientOptions } : {}),
    ...(options.reminders === false ? { reminders: false } : {}),
    ...(options.graph ? { graph: options.graph } : {}),
  });
  const url = `http://127.0.0.1:${app.port}/api/messages`;
  const chat = (
    conversationId = '19:engagement-chat@thread.v2',
    kind: Chat['kind'] = 'groupChat',
  ) => new Chat(url, channel, conversationId, kind, TENANT);
  return {
    app,
    url,
    channel,
    chat,
    chatIn: (conversationId, kind, tenantId, place = {}) =>
      new Chat(url, channel, conversationId, kind, tenantId, place),
    async engagement(conversationId, customer, roles, kind = 'groupChat') {
      const chat = new Chat(url, channel, conversationId, kind, TENANT);
      channel.rosters.set(conversationId, [PEOPLE.fm, ...roles.map(([person]) => person)]);
      await chat.say(PEOPLE.fm, `start ${customer}`);
      const card = chat.last();
      await chat.execute(PEOPLE.fm, card, 'kickoff.confirm', { card: 'roles' });
      for (const [person, role, title] of roles) {
        await chat.execute(PEOPLE.fm, card, 'roles.assign', {
          card: 'roles',
          personId: person.aadObjectId,
          role,
          ...(title ? { title } : {}),
        });
      }
      return { chat, card };
    },
    async close() {
      await app.close();
      await channel.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
