/**
 * Bot Framework authentication over HTTP, with tokens minted here and signed by a local stand-in
 * for Microsoft's OpenID metadata: a properly signed token is accepted, and every bad one is
 * refused with 401 and no error text, changing nothing.
 */
import { generateKeyPairSync } from 'node:crypto';
import { engagementIdFor } from '../../src/playbook/start.js';
import { PEOPLE, startTestBot, type TestBot } from '../support/app.js';
import { BOT, cardText } from '../support/chat.js';
import { TokenIssuer } from '../support/token-issuer.js';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const OTHER_APP = '99999999-8888-7777-6666-555555555555';
const CHAT = '19:authentication@thread.v2';

describe('Bot Framework authentication over HTTP', () => {
  const issuer = new TokenIssuer();
  let bot: TestBot;
  const printed: string[] = [];

  beforeAll(async () => {
    await issuer.start();
    bot = await startTestBot({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' },
      authentication: { openIdMetadataUrl: issuer.metadataUrl },
    });
    // botframework-connector writes some token failures to the console itself: keep them to check.
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(' '));
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await bot.close();
    await issuer.stop();
  });

  /** "start Contoso" from the FM, as Teams sends it; replies come back in the HTTP answer. */
  const startActivity = (serviceUrl = bot.channel.serviceUrl) => ({
    type: 'message',
    id: `auth-${Math.random()}`,
    text: 'start Contoso',
    channelId: 'msteams',
    serviceUrl,
    deliveryMode: 'expectReplies',
    from: { id: PEOPLE.fm.id, name: PEOPLE.fm.name, aadObjectId: PEOPLE.fm.aadObjectId },
    conversation: { id: CHAT, conversationType: 'groupChat', tenantId: PEOPLE.fm.tenantId },
    recipient: BOT,
    channelData: { tenant: { id: PEOPLE.fm.tenantId } },
  });

  async function post(body: unknown, authorization?: string) {
    const res = await fetch(bot.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  }

  const now = () => Math.floor(Date.now() / 1000);
  const serviceUrl = () => bot.channel.serviceUrl;
  const refused: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    [
      'a token signed with another key',
      () =>
        `Bearer ${issuer.token(APP_ID, serviceUrl(), {
          sign: { rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey },
        })}`,
    ],
    [
      'a token not valid before an hour from now',
      () => `Bearer ${issuer.token(APP_ID, serviceUrl(), { claims: { nbf: now() + 3600 } })}`,
    ],
    [
      'HS256 signed with the public key',
      () =>
        `Bearer ${issuer.token(APP_ID, serviceUrl(), {
          header: { alg: 'HS256', typ: 'JWT', kid: issuer.kid },
          sign: { hmac: issuer.publicKeyPem },
        })}`,
    ],
    [
      'alg none with a known kid',
      () =>
        `Bearer ${issuer.token(APP_ID, serviceUrl(), {
          header: { alg: 'none', typ: 'JWT', kid: issuer.kid },
          sign: 'none',
        })}`,
    ],
    ['another bot as audience', () => `Bearer ${issuer.token(OTHER_APP, serviceUrl())}`],
    [
      'another issuer',
      () =>
        `Bearer ${issuer.token(APP_ID, serviceUrl(), { claims: { iss: 'https://evil.example' } })}`,
    ],
    [
      'a token for another serviceUrl',
      () => `Bearer ${issuer.token(APP_ID, 'https://smba.evil.example/')}`,
    ],
    [
      'an unknown kid',
      () =>
        `Bearer ${issuer.token(APP_ID, serviceUrl(), { header: { alg: 'RS256', kid: 'unknown' } })}`,
    ],
    ['not a JWT', () => 'Bearer not.a.jwt'],
    ['another scheme', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
  ];

  it.each(refused)('refuses %s with 401, no error text, and changes nothing', async (_, auth) => {
    const authorization = auth();
    const reply = await post(startActivity(), authorization);
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.text)).toEqual({ error: 'Unauthorized.' });
    expect(await bot.app.store.get(engagementIdFor(CHAT))).toBeUndefined();
    expect(bot.channel.calls).toHaveLength(0);
    if (authorization) {
      const token = authorization.split(' ')[1];
      expect(printed.join('\n')).not.toContain(token);
    }
  });

  it('refuses an activity whose type is not a string, or that lacks its envelope, with 400', async () => {
    const token = `Bearer ${issuer.token(APP_ID, serviceUrl())}`;
    // JSON leaves an undefined field out: the activity arrives without its conversation.
    const withoutConversation = { ...startActivity(), conversation: undefined };
    for (const body of [
      { ...startActivity(), type: 5 },
      { ...startActivity(), type: ['message'] },
      withoutConversation,
      { ...startActivity(), from: 'Megan' },
      { ...startActivity(), serviceUrl: 'javascript:alert(1)' },
    ]) {
      const reply = await post(body, token);
      expect({ body, status: reply.status }).toEqual({ body, status: 400 });
      expect(JSON.parse(reply.text)).toEqual({ error: 'This is not a Bot Framework activity.' });
    }
    expect(await bot.app.store.get(engagementIdFor(CHAT))).toBeUndefined();
  });

  it('accepts a properly signed token and answers the activity', async () => {
    const reply = await post(startActivity(), `Bearer ${issuer.token(APP_ID, serviceUrl())}`);
    expect(reply.status).toBe(200);
    const { activities } = JSON.parse(reply.text) as {
      activities: { attachments?: { content: unknown }[] }[];
    };
    expect(cardText(activities[0].attachments?.[0].content)).toMatch(/Contoso/);
    expect((await bot.app.store.get(engagementIdFor(CHAT)))?.engagement.customer).toBe('Contoso');
    expect(issuer.fetches).toBeGreaterThan(0);
  });
});
