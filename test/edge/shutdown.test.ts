/**
 * The bot process on Cosmos DB (over TLS, with endpoint discovery, as on Azure) when the database
 * stops answering: a card answer still gets its answer in time, and SIGTERM still stops the
 * process promptly and cleanly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PEOPLE, TENANT } from '../support/app.js';
import { buildBot, type BuiltBot } from '../support/build-bot.js';
import { listening, runBot, type BotProcess } from '../support/bot-process.js';
import { Chat, cardText } from '../support/chat.js';
import { startCosmosServer, TEST_KEY, type CosmosServer } from '../support/cosmos-server.js';
import { TeamsChannel } from '../support/teams-channel.js';

/** Hosts wait about 30 s after SIGTERM before they kill; the bot must be gone well before. */
const STOPS_WITHIN_MS = 20_000;

describe('stopping the bot while Cosmos DB stalls', () => {
  let built: BuiltBot;
  let cosmos: CosmosServer;
  let channel: TeamsChannel;
  let bot: BotProcess;
  let scratch: string;

  beforeAll(async () => {
    built = buildBot();
    scratch = mkdtempSync(join(tmpdir(), 'ds-shutdown-'));
    cosmos = await startCosmosServer({ tls: true });
    channel = new TeamsChannel();
    await channel.start();
  }, 60_000);

  afterAll(async () => {
    if (bot && bot.child.exitCode === null && bot.child.signalCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
    await channel.stop();
    await cosmos.stop();
    rmSync(scratch, { recursive: true, force: true });
    built.remove();
  });

  it('answers the card in time and exits 0 soon after SIGTERM', async () => {
    bot = runBot(built.entry, {
      PORT: '0',
      INSECURE_LOCAL_UNAUTHENTICATED: 'true',
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: TEST_KEY,
      COSMOS_DATABASE: 'shutdown',
      // The test server's certificate is self-signed and expired.
      NODE_TLS_REJECT_UNAUTHORIZED: '0',
      DATA_DIR: scratch,
      // The reminder check runs every second, so one is waiting on the database too.
      REMINDER_INTERVAL_SECONDS: '1',
    });
    const { port } = await listening(bot);
    const chat = new Chat(
      `http://127.0.0.1:${port}/api/messages`,
      channel,
      '19:shutdown@thread.v2',
      'groupChat',
      TENANT,
    );
    await chat.say(PEOPLE.fm, 'start Contoso');
    const card = chat.last();
    expect(cardText(card.card)).toMatch(/Contoso/);

    cosmos.inject(() => 'hang');
    const answered = chat
      .execute(PEOPLE.fm, card, 'kickoff.confirm', { card: 'roles' })
      .then(cardText, (err: Error) => `failed: ${err.message}`);
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      bot.exited,
      new Promise<'still running'>(
        (r) => (timer = setTimeout(() => r('still running'), STOPS_WITHIN_MS)),
      ),
    ]);
    clearTimeout(timer);
    expect({ code, after: `${Math.round((Date.now() - signalled) / 1000)} s` }).toEqual({
      code: 0,
      after: expect.any(String),
    });
    // The person was told, before the bot went, that nothing was saved.
    expect(await answered).toMatch(/Not saved: .*Please try again\./);
  }, 60_000);
});
