import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startApp, type RunningApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { startPlayground, type RunningPlayground } from '../../../scripts/playground-process.js';
import { keepScreenshot, openBrowser, requireChromium, type Browser } from './browser.js';
import { startActAs, type RunningActAs } from '../../../scripts/act-as.js';
import { PlaygroundPeople } from '../../../scripts/playground-people.js';
import { TeamsClient } from './teams-client.js';

const ROOT = join(__dirname, '..', '..', '..');

export interface E2E {
  app: RunningApp;
  /** Everyone of the Playground's config, acting in its chats (the act-as page's way). */
  people: PlaygroundPeople;
  /** The act-as page of `npm run playground`, on this Playground. */
  actAs: RunningActAs;
  browser: Browser;
  client: TeamsClient;
  /** Runs one step; on failure keeps a screenshot under test-results/e2e/ and says where. */
  step<T>(name: string, body: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The real bot in-process (embedded store in a temp dir, no MicrosoftAppId: the Playground sends
 * no token), the Agents Playground CLI as a child on a free port, its act-as page, and headless
 * Chromium on them.
 */
export async function startE2E(): Promise<E2E> {
  requireChromium();
  const dataDir = mkdtempSync(join(tmpdir(), 'ds-e2e-data-'));
  const output: string[] = [];
  let app: RunningApp | undefined;
  let running: RunningPlayground | undefined;
  let browser: Browser | undefined;
  let people: PlaygroundPeople | undefined;
  let actAs: RunningActAs | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await actAs?.stop();
    people?.close();
    await running?.stop();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const config = loadConfig(
      { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', INSECURE_LOCAL_UNAUTHENTICATED: 'true' },
      '0.0.0-e2e',
    );
    app = await startApp(config, { logger: pino({ level: 'silent' }), host: '127.0.0.1' });
    running = await startPlayground({
      botEndpoint: `http://127.0.0.1:${app.port}/api/messages`,
      port: 0,
      configPath: join(ROOT, 'playground', 'config.yml'),
      openBrowser: false,
      onLine: (line) => output.push(line),
      cwd: ROOT,
    });
    people = await PlaygroundPeople.connect(running.url);
    actAs = await startActAs({ people, port: 0, root: ROOT });
    browser = await openBrowser();
    const client = new TeamsClient(browser, running.url);
    const b = browser;
    const a = app;
    return {
      app: a,
      people,
      actAs,
      browser: b,
      client,
      async step(name, body) {
        try {
          return await body();
        } catch (err) {
          const file = await keepScreenshot(b.page, name).catch(() => 'no screenshot');
          const e = err as Error;
          e.message = `${e.message}\n(screenshot: ${file}; Playground output:\n${output.slice(-15).join('\n')})`;
          throw e;
        }
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
