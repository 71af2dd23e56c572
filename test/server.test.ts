import pino from 'pino';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { engagementIdFor } from '../src/playbook/start.js';
import { cardText } from './support/chat.js';
import { PEOPLE, startTestBot, type TestBot } from './support/app.js';

describe('the bot service over HTTP', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.close());

  it('answers GET /healthz with its status and version', async () => {
    const res = await fetch(bot.url.replace('/api/messages', '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: '1.2.3', store: 'embedded' });
  });

  it('returns the help card in the response body for "help" with deliveryMode expectReplies', async () => {
    const chat = bot.chat('a:personal-help', 'personal');
    const reply = await chat.post({
      type: 'message',
      id: 'help-1',
      text: 'help',
      channelId: 'msteams',
      serviceUrl: bot.channel.serviceUrl,
      deliveryMode: 'expectReplies',
      from: { id: PEOPLE.fm.id, name: PEOPLE.fm.name, aadObjectId: PEOPLE.fm.aadObjectId },
      conversation: {
        id: 'a:personal-help',
        conversationType: 'personal',
        tenantId: PEOPLE.fm.tenantId,
      },
      recipient: { id: '28:bot', name: 'Deploy Securely' },
    });
    expect(reply.status).toBe(200);
    const activities = (
      reply.body as { activities: { attachments?: { contentType: string; content: unknown }[] }[] }
    ).activities;
    const card = activities[0].attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const text = cardText(card?.content);
    expect(text).toMatch(/start/i);
    expect(text).toMatch(/summary/i);
    // With expectReplies nothing goes through the channel: the reply is in the body.
    expect(bot.channel.in('a:personal-help')).toHaveLength(0);
  });

  it('answers any text it does not understand with the help card', async () => {
    const chat = bot.chat('a:personal-unknown', 'personal');
    await chat.say(PEOPLE.fe, 'what can you do?');
    expect(cardText(chat.last().card)).toMatch(/did not understand/i);
  });
});

describe('Bot Framework authentication', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({
      env: {
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppPassword: 'not-a-real-secret',
      },
    });
  });
  afterAll(() => bot.close());

  it('refuses a request without a valid Authorization header and does nothing', async () => {
    const chat = bot.chat('19:auth-test@thread.v2');
    const unsigned = await chat.say(PEOPLE.fm, 'start Contoso');
    expect([401, 403]).toContain(unsigned.status);
    const forged = await chat.post(
      {
        type: 'message',
        text: 'start Contoso',
        channelId: 'msteams',
        serviceUrl: bot.channel.serviceUrl,
        from: { id: PEOPLE.fm.id, aadObjectId: PEOPLE.fm.aadObjectId },
        conversation: { id: '19:auth-test@thread.v2', tenantId: PEOPLE.fm.tenantId },
        recipient: { id: '28:bot' },
      },
      { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJtZSJ9.' },
    );
    expect([401, 403]).toContain(forged.status);
    expect(await bot.app.store.get(engagementIdFor('19:auth-test@thread.v2'))).toBeUndefined();
    expect(bot.channel.calls).toHaveLength(0);
  });
});

describe('without authentication', () => {
  it('refuses to listen on anything but 127.0.0.1', async () => {
    const config = loadConfig({ PORT: '0', INSECURE_LOCAL_UNAUTHENTICATED: 'true' });
    await expect(
      startApp(config, { logger: pino({ level: 'silent' }), host: '0.0.0.0', reminders: false }),
    ).rejects.toThrow(/127\.0\.0\.1 only/);
  });
});
