/**
 * The act-as page of `npm run playground` (http://localhost:<port>/act-as): be any person of the
 * Playground's config in its chats. Pick a person, type a command as them, open a card of the
 * chat as they see it and press its buttons; the bot's answers land in the Playground's chat as
 * usual, and the person's own view of a card (a refusal, "Saved") shows on this page. It talks
 * to the Playground only (see playground-people.ts); the bot knows nothing of it. Local only:
 * it listens on 127.0.0.1 and answers requests addressed to this machine.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ACT_AS_PAGE } from './act-as-page.js';
import type { PlaygroundPeople } from './playground-people.js';

export interface ActAsOptions {
  people: PlaygroundPeople;
  /** 0 picks a free port. */
  port: number;
  /** The repository root (for the Adaptive Cards renderer in node_modules). */
  root: string;
}

export interface RunningActAs {
  port: number;
  url: string;
  stop(): Promise<void>;
}

const MAX_BODY = 256 * 1024;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
    throw new Refused(415, 'Send JSON.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Refused(413, 'That is too large.');
    chunks.push(chunk as Buffer);
  }
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Refused(400, 'Send a JSON object.');
  return body as Record<string, unknown>;
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || value === '') throw new Refused(400, `Say which ${key}.`);
  return value;
}

function record(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = body[key] ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Refused(400, `${key} must be an object.`);
  return value as Record<string, unknown>;
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(type === 'application/json' ? JSON.stringify(body) : String(body));
}

export async function startActAs(options: ActAsOptions): Promise<RunningActAs> {
  const { people } = options;
  const renderer = join(
    options.root,
    'node_modules',
    'adaptivecards',
    'dist',
    'adaptivecards.min.js',
  );

  const routes: Record<string, (body: Record<string, unknown>) => Promise<unknown>> = {
    'POST /act-as/say': async (b) => {
      await people.say(text(b, 'person'), text(b, 'text'), b.chat as string | undefined);
      return {};
    },
    'POST /act-as/press': async (b) => ({
      card: await people.press(
        text(b, 'person'),
        text(b, 'messageId'),
        text(b, 'verb'),
        record(b, 'data'),
      ),
    }),
    'POST /act-as/view': async (b) => ({
      card: await people.view(text(b, 'person'), text(b, 'messageId')),
    }),
    'POST /act-as/submit': async (b) => {
      await people.submit(
        text(b, 'person'),
        text(b, 'messageId'),
        text(b, 'verb'),
        record(b, 'data'),
      );
      return {};
    },
  };

  const server = createServer((req, res) => {
    void (async () => {
      // Only requests addressed to this machine (a page elsewhere cannot drive it by DNS tricks).
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (!LOCAL_HOSTS.has(host)) return send(res, 403, { error: 'Local requests only.' });
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const key = `${req.method} ${path}`;
      if (key === 'GET /act-as' || key === 'GET /act-as/')
        return send(res, 200, ACT_AS_PAGE, 'text/html');
      if (key === 'GET /act-as/adaptivecards.js')
        return send(res, 200, await readFile(renderer, 'utf8'), 'text/javascript');
      if (key === 'GET /act-as/state')
        return send(res, 200, {
          bot: people.bot.name,
          people: people.people.map((p) => p.name),
          chats: people.chats,
          cards: people.cards,
        });
      const route = routes[key];
      if (!route) return send(res, 404, { error: 'Nothing here: open /act-as.' });
      try {
        send(res, 200, await route(await readJson(req)));
      } catch (err) {
        const status = err instanceof Refused ? err.status : err instanceof SyntaxError ? 400 : 502;
        send(res, status, { error: (err as Error).message });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://localhost:${port}/act-as`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
