/**
 * A newcomer's first minute: what `npm start` says at a terminal, logs a person can read there
 * (JSON elsewhere), no deprecation noise from restify, and GET / saying what this service is.
 */
import { loadConfig } from '../src/config.js';
import { isHttpParserDeprecation } from '../src/http-parser-warning.js';
import { createLogger, prettyLine } from '../src/logger.js';
import { startServer } from '../src/server.js';
import { startBanner } from '../src/start-banner.js';
import { startTestBot } from './support/app.js';

describe('the start banner', () => {
  it('on this machine: where it listens, the endpoint form for the Azure Bot, what to run next', () => {
    const text = startBanner({
      version: '1.2.3',
      url: 'http://127.0.0.1:3978',
      authenticated: false,
      store: 'embedded store in ./data',
    });
    expect(text).toContain(
      'Deploy Securely bot 1.2.3 is listening on http://127.0.0.1:3978 (embedded store in ./data; no authentication: this machine only).',
    );
    expect(text).toContain('health: http://127.0.0.1:3978/healthz');
    expect(text).toContain(
      "Azure Bot messaging endpoint: https://<the bot's public address>/api/messages",
    );
    expect(text).toMatch(/through a dev tunnel to port 3978/);
    expect(text).toContain('Next: in another terminal, npm run playground');
  });

  it('with a public address: the exact messaging endpoint, and the next step in Teams', () => {
    const text = startBanner({
      version: '1.2.3',
      url: 'http://127.0.0.1:8080',
      publicUrl: 'https://bot.contoso.com',
      authenticated: true,
      store: 'Cosmos DB',
    });
    expect(text).toContain('Azure Bot messaging endpoint: https://bot.contoso.com/api/messages');
    expect(text).not.toMatch(/dev tunnel|no authentication/);
    expect(text).toMatch(/Next: install the app in Teams/);
  });
});

describe('logs', () => {
  it('read as one line per entry on a terminal, with the fields after the message', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.parse('2026-06-01T08:09:10Z'),
      service: 'deploy-securely-bot',
      msg: 'Deploy Securely bot listening',
      host: '127.0.0.1',
      port: 3978,
      why: 'two words',
      nested: { a: 1 },
    });
    expect(prettyLine(line)).toBe(
      '08:09:10 INFO  Deploy Securely bot listening  host=127.0.0.1 port=3978 why="two words" nested={"a":1}',
    );
    expect(prettyLine('not json')).toBe('not json');
  });

  it('are JSON lines for a host, and human lines through the pretty destination', () => {
    const json: string[] = [];
    createLogger('info', { write: (s: string) => void json.push(s) }).warn({ n: 1 }, 'careful');
    expect(JSON.parse(json[0])).toMatchObject({ level: 40, msg: 'careful', n: 1 });
    const written: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((s) => {
      written.push(String(s));
      return true;
    });
    try {
      createLogger('info', undefined, true).error({ code: 'E1' }, 'it broke');
    } finally {
      stdout.mockRestore();
    }
    expect(written.join('')).toMatch(/^\d{2}:\d{2}:\d{2} ERROR it broke {2}code=E1\n$/);
  });
});

describe("restify's deprecation warning", () => {
  it('is recognised exactly: DEP0111 for the HTTP parser binding, nothing else', () => {
    const text = "Access to process.binding('http_parser') is deprecated.";
    expect(isHttpParserDeprecation(text, ['DeprecationWarning', 'DEP0111'])).toBe(true);
    expect(isHttpParserDeprecation(text, [{ type: 'DeprecationWarning', code: 'DEP0111' }])).toBe(
      true,
    );
    expect(
      isHttpParserDeprecation("Access to process.binding('uv') is deprecated.", [
        'DeprecationWarning',
        'DEP0111',
      ]),
    ).toBe(false);
    expect(isHttpParserDeprecation(text, ['DeprecationWarning', 'DEP0005'])).toBe(false);
    expect(isHttpParserDeprecation(new Error('something else'), ['Warning'])).toBe(false);
  });
});

describe('the public address', () => {
  const base = { INSECURE_LOCAL_UNAUTHENTICATED: 'true' };
  it('is PUBLIC_URL, else App Service’s own host name over https, else unknown', () => {
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://bot.contoso.com/' }).publicUrl).toBe(
      'https://bot.contoso.com',
    );
    expect(loadConfig({ ...base, WEBSITE_HOSTNAME: 'ds-bot.azurewebsites.net' }).publicUrl).toBe(
      'https://ds-bot.azurewebsites.net',
    );
    expect(loadConfig(base).publicUrl).toBeUndefined();
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'ftp://bot' })).toThrow(/PUBLIC_URL must be/);
  });

  it('signs download links with DOWNLOAD_LINK_KEY, else the key App Service manages', () => {
    const key = 'k'.repeat(32);
    expect(loadConfig({ ...base, DOWNLOAD_LINK_KEY: key }).downloadKey).toEqual({
      key,
      source: 'DOWNLOAD_LINK_KEY',
    });
    expect(loadConfig({ ...base, WEBSITE_AUTH_SIGNING_KEY: 'platform' }).downloadKey).toEqual({
      key: 'platform',
      source: 'App Service',
    });
    expect(loadConfig(base).downloadKey).toBeUndefined();
    expect(() => loadConfig({ ...base, DOWNLOAD_LINK_KEY: 'short' })).toThrow(
      /DOWNLOAD_LINK_KEY must be at least 32 characters/,
    );
  });
});

describe('GET /', () => {
  it('says what this service is and where its endpoints are, and nothing else', async () => {
    const bot = await startTestBot();
    try {
      const res = await fetch(bot.url.replace('/api/messages', '/'));
      expect(res.status).toBe(200);
      const origin = bot.url.replace('/api/messages', '');
      expect(await res.json()).toEqual({
        name: 'deploy-securely-bot',
        description: expect.stringMatching(/^Deploy Securely: a Microsoft Teams bot/),
        version: '1.2.3',
        messagingEndpoint: `${origin}/api/messages`,
        health: `${origin}/healthz`,
      });
    } finally {
      await bot.close();
    }
  });
});

describe('GET /documents/… when the document cannot be made', () => {
  it('answers 503 with a line to read, and logs no link', async () => {
    const lines: string[] = [];
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      version: '1.2.3',
      storeKind: 'embedded',
      logger: createLogger('info', { write: (s: string) => void lines.push(s) }),
      handleMessages: async () => ({ status: 200 }),
      handleDocument: async () => {
        throw new Error('the store is down');
      },
    });
    try {
      const res = await fetch(
        `http://127.0.0.1:${server.port}/documents/eng-x/summary.md?sig=secret-signature`,
      );
      expect(res.status).toBe(503);
      expect(await res.text()).toMatch(/could not be made now; try the link again/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(lines.join('')).not.toContain('secret-signature');
    } finally {
      await server.stop();
    }
  });
});
