/**
 * The Microsoft 365 Agents Playground (Microsoft's local Teams client) as a child process:
 * started against a bot's /api/messages with a committed config, ready when it says on which
 * port it listens. Used by `npm run playground` and by the end-to-end test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  botEndpoint: string;
  /** The port to ask for; 0 picks a free one. When the port is taken the Playground picks another. */
  port: number;
  /** The Playground's config yml (tenant, bot, users, chats). */
  configPath: string;
  /** Leave unset to let the Playground open the default browser. */
  openBrowser?: boolean;
  /** Where its output goes, line by line (default: nowhere). */
  onLine?: (line: string) => void;
  /** How long to wait for "Listening on <port>". */
  startTimeoutMs?: number;
  cwd?: string;
}

export interface RunningPlayground {
  port: number;
  url: string;
  child: ChildProcess;
  /** Stops it (SIGTERM, then SIGKILL after a grace period) and waits until it is gone. */
  stop(): Promise<void>;
}

export function playgroundCli(root: string): string {
  return join(root, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
}

/** Waits for the child to exit; SIGKILL if it has not after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Calls `onLine` for each complete line the stream writes. */
export function eachLine(
  stream: NodeJS.ReadableStream | null,
  onLine: (line: string) => void,
): void {
  let rest = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const lines = (rest + chunk).split(/\r?\n/);
    rest = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  stream?.on('end', () => {
    if (rest) onLine(rest);
  });
}

export function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const root = options.cwd ?? process.cwd();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath,
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
  };
  if (options.openBrowser === false) env.TEAMSAPPTESTER_BROWSER = 'none';
  const args = [
    playgroundCli(root),
    '-e',
    options.botEndpoint,
    '-c',
    'msteams',
    '-p',
    String(options.port),
    '--disable-telemetry',
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const seen: string[] = [];
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stopChild(child).then(() => reject(new Error(`${why}\n${seen.slice(-20).join('\n')}`)));
    };
    const timer = setTimeout(
      () =>
        fail(`The Agents Playground did not start within ${options.startTimeoutMs ?? 30000} ms.`),
      options.startTimeoutMs ?? 30000,
    );
    const onLine = (line: string) => {
      seen.push(line);
      options.onLine?.(line);
      const listening = /Listening on (\d+)/.exec(line);
      if (!listening) return;
      clearTimeout(timer);
      child.off('exit', onEarlyExit);
      const port = Number(listening[1]);
      resolve({ port, url: `http://127.0.0.1:${port}/`, child, stop: () => stopChild(child) });
    };
    const onEarlyExit = (code: number | null) =>
      fail(`The Agents Playground exited (code ${code}) before it listened.`);
    eachLine(child.stdout, onLine);
    eachLine(child.stderr, onLine);
    child.once('exit', onEarlyExit);
    child.once('error', (err) =>
      fail(`The Agents Playground could not be started: ${err.message}`),
    );
  });
}
