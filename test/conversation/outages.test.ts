/**
 * What a person sees when something fails under the bot: the database down while they type a
 * command, an export asked for before there is an engagement, and an error nobody planned for,
 * which the Bot Framework adapter answers with an apology.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engagementIdFor } from '../../src/playbook/start.js';
import { openCosmosStore } from '../../src/store/cosmos.js';
import { openEmbeddedStore } from '../../src/store/embedded.js';
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { cardText } from '../support/chat.js';
import { cosmosSettings, startCosmosServer, type CosmosServer } from '../support/cosmos-server.js';

const { fm, fe } = PEOPLE;
const APOLOGY =
  'Sorry, something went wrong on my side. Open the card again to see what was recorded, then try again.';

describe('when the database stops answering', () => {
  let cosmos: CosmosServer;
  let bot: TestBot;
  beforeAll(async () => {
    cosmos = await startCosmosServer();
    const store = await openCosmosStore(cosmosSettings(cosmos.endpoint, { database: 'outages' }));
    bot = await startTestBot({ store });
  });
  afterAll(async () => {
    await bot.close();
    await cosmos.stop();
  });

  it('answers a typed command with "try again", and the card once it is back', async () => {
    const { chat } = await bot.engagement('19:typed-outage@thread.v2', 'Northwind', [[fe, 'FE']]);
    cosmos.inject(() => ({
      status: 503,
      body: { code: 'ServiceUnavailable', message: 'injected' },
    }));
    try {
      await chat.say(fe, 'status');
      expect(chat.last().text).toBe(
        'Not saved: the engagement store is unavailable right now. Please try again.',
      );
      expect(chat.last().card).toBeUndefined();
    } finally {
      cosmos.inject(undefined);
    }
    await chat.say(fe, 'status');
    expect(cardText(chat.last().card)).toMatch(/Engagement status/);
  });

  it('posts no apology when someone leaves while the database is down', async () => {
    const { chat } = await bot.engagement('19:leave-outage@thread.v2', 'Northwind', [[fe, 'FE']]);
    const posted = chat.messages().length;
    cosmos.inject(() => ({
      status: 503,
      body: { code: 'ServiceUnavailable', message: 'injected' },
    }));
    try {
      expect((await chat.leave(fe, fm)).status).toBe(200);
    } finally {
      cosmos.inject(undefined);
    }
    expect(chat.messages()).toHaveLength(posted);
    const e = (await bot.app.store.get(engagementIdFor('19:leave-outage@thread.v2')))!.engagement;
    expect(e.people[fe.aadObjectId]?.removed).toBeUndefined();
  });

  it('says there is nothing to export in a chat without an engagement', async () => {
    const chat = bot.chat('19:nothing-yet@thread.v2');
    await chat.say(fm, 'help');
    const answer = cardText(
      await chat.execute(fm, chat.last(), 'summary.export', { card: 'help' }),
    );
    expect(answer).toMatch(/There is no engagement to export yet\./);
    expect(chat.messages()).toHaveLength(1); // the help card; no summary posted
  });
});

describe('an error nobody planned for (a damaged engagement record)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ds-outage-'));
  const CHAT = '19:damaged@thread.v2';
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ store: await openEmbeddedStore({ dataDir }) });
  });
  afterAll(async () => {
    await bot.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('apologizes in the chat through the adapter, and answers a card action with an error status', async () => {
    const { chat, card } = await bot.engagement(CHAT, 'Litware', [[fe, 'FE']]);
    const file = join(dataDir, `${encodeURIComponent(engagementIdFor(CHAT))}.json`);
    writeFileSync(file, '{"not":"an engagement"}');

    await chat.say(fe, 'status');
    expect(chat.last().text).toBe(APOLOGY);

    const before = chat.messages().length;
    const invoke = await chat.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: 'invoke-damaged',
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: bot.channel.serviceUrl,
      from: { id: fe.id, name: fe.name, aadObjectId: fe.aadObjectId },
      conversation: { id: CHAT, conversationType: 'groupChat', tenantId: fe.tenantId },
      recipient: { id: '28:deploy-securely-bot', name: 'Deploy Securely' },
      channelData: { tenant: { id: fe.tenantId } },
      replyToId: card.id,
      value: { action: { type: 'Action.Execute', verb: 'show', data: { open: 'status' } } },
    });
    // The adapter answers a failed invoke with a server error (botbuilder 4.23: 501).
    expect(invoke.status).toBeGreaterThanOrEqual(500);
    // An invoke is answered by its card (Teams shows the failure there): nothing posted to the chat.
    expect(chat.messages()).toHaveLength(before);
  });
});
