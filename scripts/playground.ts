/**
 * `npm run playground`: the bot (as `npm start` runs it) and the Microsoft 365 Agents Playground
 * together, with the sample engagement's people from playground/config.yml. Ctrl-C stops both.
 *
 * Settings: PORT (the bot, default 3978), PLAYGROUND_PORT (default 56150), ACT_AS_PORT (the
 * act-as page, default 56160), DATA_DIR (default data/playground, so the sample engagement stays
 * apart from other local runs). The Playground sends no Bot Framework token, so the bot runs here
 * without MicrosoftAppId, with the explicit INSECURE_LOCAL_UNAUTHENTICATED opt-in: on 127.0.0.1
 * only. A Deploy Securely bot already answering on PORT (`npm start` in another terminal) is used
 * as it is.
 *
 * The Playground's browser user is fixed (playground/config.yml's currentUser); the act-as page
 * (scripts/act-as.ts) is how to be anyone else of the config in the same chat.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startActAs, type RunningActAs } from './act-as.js';
import { PlaygroundPeople } from './playground-people.js';
import {
  eachLine,
  startPlayground,
  stopChild,
  type RunningPlayground,
} from './playground-process.js';

const root = process.cwd();
const botPort = Number(process.env.PORT || 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT || 56150);
const actAsPort = Number(process.env.ACT_AS_PORT || 56160);

/** Whether a Deploy Securely bot already answers on the port (then it is used, not started). */
async function runningBot(): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${botPort}/`);
    const about = (await res.json()) as { name?: unknown };
    return res.ok && about.name === 'deploy-securely-bot';
  } catch {
    return false;
  }
}

function startBot(): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(botPort),
    DATA_DIR: process.env.DATA_DIR || join(root, 'data', 'playground'),
    // The Playground cannot sign its requests: run unauthenticated, on loopback, as for any local test.
    INSECURE_LOCAL_UNAUTHENTICATED: 'true',
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppTenantId: '',
    MicrosoftAppType: '',
  };
  if (/^\s*prod/i.test(env.NODE_ENV ?? '')) env.NODE_ENV = 'development';
  const bot = spawn(process.execPath, [join(root, 'dist', 'src', 'index.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  eachLine(bot.stdout, (line) => console.log(`[bot] ${line}`));
  eachLine(bot.stderr, (line) => console.error(`[bot] ${line}`));
  return bot;
}

/** Polls /healthz until the bot answers 200, or fails when it exits or takes too long. */
async function botReady(bot: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (bot.exitCode !== null)
      throw new Error(`The bot exited with code ${bot.exitCode}; see its messages above.`);
    try {
      const res = await fetch(`http://127.0.0.1:${botPort}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `The bot did not answer on http://127.0.0.1:${botPort}/healthz within ${timeoutMs / 1000} s.`,
  );
}

async function main(): Promise<void> {
  const reused = await runningBot();
  const bot = reused ? undefined : startBot();
  let playground: RunningPlayground | undefined;
  let people: PlaygroundPeople | undefined;
  let actAs: RunningActAs | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    people?.close();
    await Promise.all([
      actAs?.stop(),
      playground?.stop(),
      bot ? stopChild(bot, 15_000) : undefined,
    ]);
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  bot?.once('exit', (code) => {
    if (!stopping) console.error(`The bot stopped (code ${code}); stopping the Playground.`);
    void stopAll(code ?? 1);
  });

  try {
    if (bot) await botReady(bot);
    else console.log(`Using the Deploy Securely bot already running on port ${botPort}.`);
    playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${botPort}/api/messages`,
      port: playgroundPort,
      configPath: join(root, 'playground', 'config.yml'),
      onLine: (line) => console.log(`[playground] ${line}`),
      cwd: root,
    });
    people = await PlaygroundPeople.connect(playground.url);
    actAs = await startActAs({ people, port: actAsPort, root });
  } catch (err) {
    console.error((err as Error).message);
    await stopAll(1);
    return;
  }
  playground.child.once('exit', (code) => {
    if (!stopping) console.error(`The Playground stopped (code ${code}); stopping the bot.`);
    void stopAll(code ?? 1);
  });
  console.log(
    [
      '',
      `Deploy Securely in the Microsoft 365 Agents Playground: http://localhost:${playground.port}/`,
      '  You are Nadia Okafor, the FastTrack Manager (playground/config.yml lists everyone).',
      '  Open the group chat "Contoso – Deploy Securely" and type: @Deploy Securely start Contoso',
      '  (type @, pick "Deploy Securely" from the list, then the command; "help" lists them all).',
      `  Be anyone else in the same chat (the FE, the SME, a stakeholder): ${actAs.url}`,
      `  or from a terminal: npm run act-as -- "Grace Liu" agenda`,
      `  Ctrl-C stops ${bot ? 'the bot and ' : ''}the Playground.`,
      '',
    ].join('\n'),
  );
}

void main();
