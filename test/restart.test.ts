import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { engagementIdFor } from '../src/playbook/start.js';
import { Chat, cardText } from './support/chat.js';
import { PEOPLE, TENANT } from './support/app.js';
import { TeamsChannel } from './support/teams-channel.js';

describe('restarting the bot on the embedded store', () => {
  it('keeps every engagement and every answer', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ds-restart-'));
    const channel = new TeamsChannel();
    await channel.start();
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      INSECURE_LOCAL_UNAUTHENTICATED: 'true',
    });
    const logger = pino({ level: 'silent' });
    const chats = ['19:first@thread.v2', '19:second@thread.v2'];
    try {
      const first = await startApp(config, { logger, host: '127.0.0.1' });
      for (const [i, id] of chats.entries()) {
        const chat = new Chat(
          `http://127.0.0.1:${first.port}/api/messages`,
          channel,
          id,
          'groupChat',
          TENANT,
        );
        await chat.say(PEOPLE.fm, `start Customer ${i + 1}`);
        await chat.execute(PEOPLE.fm, chat.last(), 'kickoff.confirm', { card: 'roles' });
      }
      await first.close();

      const second = await startApp(config, { logger, host: '127.0.0.1' });
      try {
        for (const [i, id] of chats.entries()) {
          const stored = (await second.store.get(engagementIdFor(id)))?.engagement;
          expect(stored?.customer).toBe(`Customer ${i + 1}`);
          expect(stored?.kickoff?.by).toBe(PEOPLE.fm.aadObjectId);
          const chat = new Chat(
            `http://127.0.0.1:${second.port}/api/messages`,
            channel,
            id,
            'groupChat',
            TENANT,
          );
          await chat.say(PEOPLE.fm, 'status');
          expect(cardText(chat.last().card)).toMatch(new RegExp(`Customer ${i + 1}`));
        }
      } finally {
        await second.close();
      }
    } finally {
      await channel.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
