/**
 * The bot as `npm start` runs it: the compiled entry point in its own process, started with
 * settings from the environment, answering /healthz, and stopping cleanly on SIGTERM.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { listening as listeningOn, runBot, type BotProcess } from './support/bot-process.js';

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'src', 'index.js');
const started: BotProcess[] = [];
const run = (env: NodeJS.ProcessEnv) => {
  const bot = runBot(entry, env);
  started.push(bot);
  return bot;
};

// A bot a failed test left running is not left behind.
afterEach(async () => {
  for (const bot of started.splice(0)) {
    if (bot.child.exitCode !== null || bot.child.signalCode !== null) continue;
    bot.child.kill('SIGKILL');
    await bot.exited;
  }
});

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
    const bot = run({ PORT: '0', DATA_DIR: dataDir, INSECURE_LOCAL_UNAUTHENTICATED: 'true' });
    const { port } = await listeningOn(bot);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await res.json()).toMatchObject({ status: 'ok', store: 'embedded' });
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toMatch(/stopping: finishing the requests in flight/);
    expect(bot.output()).toMatch(/INSECURE: .*NOT authenticated.*127\.0\.0\.1 only/);
    // restify's DEP0111 warning is filtered; the log line names the messaging endpoint.
    expect(bot.output()).not.toMatch(/DEP0111|DeprecationWarning/);
    expect(bot.output()).toContain(`"messagingEndpoint":"http://127.0.0.1:${port}/api/messages"`);
  });

  it('refuses to start without MicrosoftAppId unless told to run insecurely, saying what to set', async () => {
    const bot = run({ PORT: '0', DATA_DIR: dataDir, NODE_ENV: 'Production' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/MicrosoftAppId is not set/);
    expect(bot.output()).toMatch(/INSECURE_LOCAL_UNAUTHENTICATED=true/);
    expect(bot.output()).not.toMatch(/listening/);
  });

  it('listens on 127.0.0.1 only when unauthenticated', async () => {
    const bot = run({ PORT: '0', DATA_DIR: dataDir, INSECURE_LOCAL_UNAUTHENTICATED: 'true' });
    const { port, host } = await listeningOn(bot);
    expect(host).toBe('127.0.0.1');
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    try {
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      if (outside)
        await expect(fetch(`http://${outside.address}:${port}/healthz`)).rejects.toThrow();
    } finally {
      bot.child.kill('SIGTERM');
      await bot.exited;
    }
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
