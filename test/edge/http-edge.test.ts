/**
 * The HTTP edge (src/server.ts) on its own: what reaches the bot from a POST to /api/messages,
 * what is refused before it does, and that every request gets an answer in time.
 */
import { request } from 'node:http';
import pino from 'pino';
import { MAX_BODY_BYTES } from '../../src/request-body.js';
import { startServer, type MessageHandler, type MessageRequest } from '../../src/server.js';

type Running = Awaited<ReturnType<typeof startServer>>;

async function serve(handler: MessageHandler, answerWithinMs?: number) {
  const seen: MessageRequest[] = [];
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    version: 't',
    storeKind: 'embedded',
    logger: pino({ level: 'silent' }),
    handleMessages: (req) => {
      seen.push(req);
      return handler(req);
    },
    ...(answerWithinMs ? { answerWithinMs } : {}),
  });
  return { server, seen, url: `http://127.0.0.1:${server.port}/api/messages` };
}

/** Sends headers and the first part of a body, and resolves with the answer, even before the rest is sent. */
function sendPart(
  port: number,
  headers: Record<string, string | number>,
  chunks: Buffer[],
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/messages',
      headers,
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
  });
}

describe('the HTTP edge', () => {
  const running: Running[] = [];
  afterAll(async () => {
    for (const server of running) await server.stop(100);
  });
  const start = async (handler: MessageHandler, answerWithinMs?: number) => {
    const s = await serve(handler, answerWithinMs);
    running.push(s.server);
    return s;
  };

  it('hands the bot the parsed JSON object and the Authorization header, nothing more', async () => {
    const { url, seen } = await start(async () => ({ status: 200, body: { ok: true } }));
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-encoding': 'identity',
        authorization: 'Bearer abc',
      },
      body: JSON.stringify({ type: 'message', text: 'héllo' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(seen).toEqual([
      { body: { type: 'message', text: 'héllo' }, authorization: 'Bearer abc' },
    ]);
  });

  it('refuses a body declared too large from its header, before it is sent', async () => {
    const { server, seen } = await start(async () => ({ status: 200 }));
    const reply = await sendPart(
      server.port,
      { 'content-type': 'application/json', 'content-length': 10 * 1024 * 1024 },
      [Buffer.from('{"type":"')],
    );
    expect(reply.status).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it('stops reading a chunked body at the limit and refuses it', async () => {
    const { server, seen } = await start(async () => ({ status: 200 }));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const reply = await sendPart(
      server.port,
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      Array.from({ length: Math.ceil(MAX_BODY_BYTES / chunk.length) + 2 }, () => chunk),
    );
    expect(reply.status).toBe(413);
    expect(seen).toHaveLength(0);
  });

  it('answers 503 when the bot has not finished in time, and 500 without its error when it fails', async () => {
    const slow = await start(() => new Promise(() => undefined), 200);
    const late = await fetch(slow.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(late.status).toBe(503);
    expect(await late.json()).toEqual({ error: 'The bot could not answer in time.' });

    const failing = await start(async () => {
      throw new Error('secret internals at line 42');
    });
    const failed = await fetch(failing.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toMatch(/secret internals/);
  });

  it('on stop, finishes the request in flight, then closes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const handling = new Promise<void>((r) => (entered = r));
    const { server, url } = await serve(async () => {
      entered();
      await gate;
      return { status: 200, body: { done: true } };
    });
    const inFlight = fetch(url, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    // Stop only once the bot is handling the request, however slow the machine is.
    await handling;
    const stopped = server.stop(5000);
    release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await stopped;
    await expect(fetch(url.replace('/api/messages', '/healthz'))).rejects.toThrow();
  });
});
