import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** The repository root (this file runs from dist/bench/lib). */
export const ROOT = join(__dirname, '..', '..', '..');
export const BOT_ENTRY = join(ROOT, 'dist', 'src', 'index.js');
export const FLOOR_ENTRY = join(ROOT, 'dist', 'bench', 'floor', 'index.js');

/** The children one run started, so a failing run stops them all (each by its own pid). */
export class Children {
  private readonly running = new Set<ChildProcess>();

  track(child: ChildProcess): void {
    this.running.add(child);
    child.once('exit', () => this.running.delete(child));
  }

  killAll(): void {
    for (const child of this.running) child.kill('SIGKILL');
  }
}

/** GET /healthz answered 200 (a plain request: no client library to load on the first call). */
function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(`${url}/healthz`, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface BotProcess {
  name: string;
  pid: number;
  /** http://127.0.0.1:<port>/api/messages */
  url: string;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  readyMs: number;
  /** The last output lines (for a failure message). */
  output(): string;
  /** SIGTERM, then the exit code (the bot finishes its requests and closes its store). */
  stop(): Promise<number | null>;
}

/**
 * Starts `node <entry>` with only the given settings (and PATH) in its environment, and waits for
 * GET /healthz to answer 200. Output is drained (the bot logs at its default level) and its tail kept.
 */
export async function startProcess(
  children: Children,
  name: string,
  entry: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
  timeoutMs = 30_000,
): Promise<BotProcess> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.track(child);
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + d.toString('utf8')).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode} before it was ready:\n${tail}`);
    if (performance.now() - t0 > timeoutMs)
      throw new Error(`${name} was not ready after ${timeoutMs} ms:\n${tail}`);
    if (await healthy(url)) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const readyMs = performance.now() - t0;
  return {
    name,
    pid: child.pid ?? 0,
    url: `${url}/api/messages`,
    readyMs,
    output: () => tail,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Settings for this bot: the compiled entry point as `npm start` runs it, on a chosen store. */
export function botSettings(
  store: { cosmos: string; database: string } | { dataDir: string },
  cosmosKey: string,
): Record<string, string> {
  return {
    ...('cosmos' in store
      ? {
          COSMOS_ENDPOINT: store.cosmos,
          COSMOS_KEY: cosmosKey,
          COSMOS_DATABASE: store.database,
          COSMOS_CONTAINER: 'engagements',
        }
      : { DATA_DIR: store.dataDir }),
    LOG_LEVEL: 'info',
    // The reminder scheduler's query is not part of an answer: it runs once an hour here, not every 30 s.
    REMINDER_INTERVAL_SECONDS: '3600',
    REMINDER_LEAD_MINUTES: '120',
    // The bench's Cosmos DB server presents an expired self-signed certificate; only these processes trust it.
    NODE_TLS_REJECT_UNAUTHORIZED: '0',
    // No MicrosoftAppId: the explicit opt-in to run unauthenticated, which listens on 127.0.0.1 only.
    INSECURE_LOCAL_UNAUTHENTICATED: 'true',
  };
}

export function floorSettings(cosmos: string, cosmosKey: string): Record<string, string> {
  return {
    COSMOS_ENDPOINT: cosmos,
    COSMOS_KEY: cosmosKey,
    COSMOS_DATABASE: 'floor',
    COSMOS_CONTAINER: 'acks',
    NODE_TLS_REJECT_UNAUTHORIZED: '0',
  };
}
