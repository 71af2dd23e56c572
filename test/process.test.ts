/**
 * The bot as `npm start` runs it: the compiled entry point in its own process, started with
 * settings from the environment, answering /healthz, and stopping cleanly on SIGTERM.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'src', 'index.js');

function run(env: NodeJS.ProcessEnv): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

async function listeningPort(output: () => string): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const line = output()
      .split('\n')
      .find((l) => l.includes('Deploy Securely bot listening'));
    if (line) return (JSON.parse(line) as { port: number }).port;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the bot did not start:\n${output()}`);
}

describe('the bot process', () => {
  let dataDir: string;
  beforeAll(() => {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      { cwd: root },
    );
    dataDir = mkdtempSync(join(tmpdir(), 'ds-process-'));
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves /healthz on the embedded store and exits 0 on SIGTERM', async () => {
    const bot = run({ PORT: '0', DATA_DIR: dataDir });
    const port = await listeningPort(bot.output);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await res.json()).toMatchObject({ status: 'ok', store: 'embedded' });
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toMatch(/stopping: finishing the requests in flight/);
  });

  it('refuses to start on a wrong setting, naming it and not its value', async () => {
    const bot = run({
      PORT: 'eighty',
      MicrosoftAppId: 'nope',
      MicrosoftAppPassword: 'sup3r-secret',
    });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/PORT/);
    expect(bot.output()).toMatch(/MicrosoftAppId/);
    expect(bot.output()).not.toMatch(/sup3r-secret/);
  });
});
