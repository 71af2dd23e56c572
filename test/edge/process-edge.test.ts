/**
 * The HTTP edge of the bot as it runs in production (its own process, MicrosoftAppId set), seen
 * from outside: hostile requests before authentication are refused without crashing it, without
 * writing to its temp folder, and without putting bodies or tokens in its output.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildBot, type BuiltBot } from '../support/build-bot.js';
import { listening, runBot, type BotProcess } from '../support/bot-process.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzZWNyZXQiOiJ0b2tlbi1tYXJrZXIifQ.c2lnbmF0dXJlLW1hcmtlcg';
const BODY_MARKER = 'body-marker-7f3a';

/** One raw HTTP request (fetch cannot send a body that lies about its encoding). */
function send(
  port: number,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: Buffer | string;
  },
): Promise<{ status: number; body: string; type?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'POST',
        path: options.path ?? '/api/messages',
        headers: { authorization: `Bearer ${TOKEN}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const activity = JSON.stringify({
  type: 'message',
  text: BODY_MARKER,
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:someone' },
  recipient: { id: '28:bot' },
  conversation: { id: '19:chat@thread.v2' },
});

function multipart(): { body: string; type: string } {
  const boundary = 'edge-test-boundary';
  const file = `${BODY_MARKER}\n`.repeat(20_000);
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body:
      `--${boundary}\r\ncontent-disposition: form-data; name="upload"; filename="a.bin"\r\n` +
      `content-type: application/octet-stream\r\n\r\n${file}\r\n--${boundary}--\r\n`,
  };
}

describe('the HTTP edge of the bot process (production settings)', () => {
  let built: BuiltBot;
  let bot: BotProcess;
  let port: number;
  let scratch: string;
  let tempDir: string;

  beforeAll(async () => {
    built = buildBot();
    scratch = mkdtempSync(join(tmpdir(), 'ds-edge-'));
    tempDir = mkdtempSync(join(scratch, 'tmp-'));
    bot = runBot(built.entry, {
      PORT: '0',
      DATA_DIR: join(scratch, 'data'),
      TMPDIR: tempDir,
      MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
      MicrosoftAppPassword: 'not-a-real-secret',
      NODE_ENV: 'production',
    });
    ({ port } = await listening(bot));
  }, 60_000);

  afterAll(async () => {
    if (bot.child.exitCode === null) {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
    rmSync(scratch, { recursive: true, force: true });
    built.remove();
  });

  it('refuses hostile bodies before reading them, stays up, writes no temp file and logs no body or token', async () => {
    const before = bot.output().length;
    const form = multipart();
    const json = (headers: Record<string, string> = {}) => ({
      'content-type': 'application/json',
      ...headers,
    });
    const nested = '['.repeat(10_000) + ']'.repeat(10_000);
    const numericType = JSON.stringify({ ...JSON.parse(activity), type: 5 });
    const huge = JSON.stringify({ type: 'message', text: BODY_MARKER.repeat(40_000) });
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    // [what, request headers, body, the answer's status]
    const cases: [string, Record<string, string>, Buffer | string | undefined, number][] = [
      ['gzip that is not gzip', json({ 'content-encoding': 'gzip' }), activity, 415],
      ['a gzip bomb (50 MB in ~50 KB)', json({ 'content-encoding': 'gzip' }), bomb, 415],
      ['deflate', json({ 'content-encoding': 'deflate' }), activity, 415],
      ['brotli', json({ 'content-encoding': 'br' }), activity, 415],
      ['multipart with a file', { 'content-type': form.type }, form.body, 415],
      ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, `a=${BODY_MARKER}`, 415],
      ['text', { 'content-type': 'text/plain' }, activity, 415],
      ['no content type', {}, activity, 415],
      [
        'JSON in another charset',
        { 'content-type': 'application/json; charset=utf-16' },
        activity,
        415,
      ],
      ['over 256 KB', json(), huge, 413],
      [
        'malformed JSON, asking for a PNG',
        json({ accept: 'image/png' }),
        `{"text":"${BODY_MARKER}"`,
        400,
      ],
      ['a JSON array', json(), `["${BODY_MARKER}"]`, 400],
      ['JSON nested 10,000 deep', json(), nested, 400],
      ['bytes that are not UTF-8', json(), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 400],
      ['an activity with a numeric type', json(), numericType, 400],
      [
        'an activity with a forged token, asking for a PNG',
        json({ accept: 'image/png' }),
        activity,
        401,
      ],
      ['GET, asking for a PNG', { accept: 'image/png' }, undefined, 405],
    ];
    for (const [what, headers, body, status] of cases) {
      const reply = await send(port, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        body,
      });
      expect({ what, status: reply.status }).toEqual({ what, status });
      expect({ what, type: reply.type }).toEqual({
        what,
        type: expect.stringMatching(/^application\/json/),
      });
      expect(reply.body).not.toContain(BODY_MARKER);
    }

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(readdirSync(tempDir)).toEqual([]);
    const logged = bot.output().slice(before);
    expect(logged).not.toContain(BODY_MARKER);
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain('c2lnbmF0dXJlLW1hcmtlcg');
    // At most a short line per refused request: no request objects, headers or bodies.
    expect(logged.length).toBeLessThan(cases.length * 300);
  });

  it('stops on SIGTERM with exit 0 after all that', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });
});
