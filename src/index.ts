import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startBanner } from './start-banner.js';

/**
 * The longest a stop may take: requests in flight get up to 13 s to be answered (as always),
 * queued writes 5 s more; hosts usually wait 30 s after SIGTERM before they kill the process.
 */
const STOP_MS = 25_000;

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, packageVersion());
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // A person at a terminal reads lines; a host (App Service, a pipe) collects JSON.
  const onTerminal = process.stdout.isTTY === true;
  const logger = createLogger(config.logLevel, undefined, onTerminal);
  if (config.bot.authentication === 'insecure-local') {
    const warning =
      'INSECURE: INSECURE_LOCAL_UNAUTHENTICATED=true and no MicrosoftAppId. Requests are NOT authenticated and ' +
      'their sender and serviceUrl are taken on trust, so the bot listens on 127.0.0.1 only. ' +
      'For this machine only; set MicrosoftAppId and MicrosoftAppPassword anywhere else.';
    // On a terminal the log line says it; elsewhere stderr says it too, beside the JSON.
    if (!onTerminal) console.error(warning);
    logger.warn({ authentication: config.bot.authentication }, warning);
  }
  const app = await startApp(config, { logger });
  if (onTerminal)
    console.log(
      startBanner({
        version: config.version,
        url: app.url,
        ...(app.publicUrl && config.bot.authentication === 'bot-framework'
          ? { publicUrl: app.publicUrl }
          : {}),
        authenticated: config.bot.authentication === 'bot-framework',
        store:
          config.store.kind === 'cosmos'
            ? 'Cosmos DB'
            : `embedded store in ${config.store.dataDir}`,
      }),
    );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing the requests in flight');
    // Whatever hangs (a database that never answers), the process is gone within STOP_MS.
    setTimeout(() => {
      logger.error({ afterMs: STOP_MS }, 'stop took too long; exiting');
      process.exit(1);
    }, STOP_MS).unref();
    app.close().then(
      () => process.exit(0),
      (err: Error) => {
        logger.error({ err: err.message }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: Error) => {
  console.error(`The bot could not start: ${err.message}`);
  process.exit(1);
});
