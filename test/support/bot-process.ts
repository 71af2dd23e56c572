import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface BotProcess {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Runs a compiled entry point as `npm start` does, with only PATH and `env` in its environment,
 * from the repository's folder or `cwd`.
 */
export function runBot(entry: string, env: NodeJS.ProcessEnv, cwd?: string): BotProcess {
  const child = spawn(process.execPath, [entry], {
    cwd: cwd ?? path.resolve(__dirname, '../..'),
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** The address from the bot's "listening" log line, once it has written it. */
export async function listening(bot: BotProcess): Promise<{ port: number; host: string }> {
  for (let i = 0; i < 400; i++) {
    const line = bot
      .output()
      .split('\n')
      .find((l) => l.includes('Deploy Securely bot listening'));
    if (line) return JSON.parse(line) as { port: number; host: string };
    if (bot.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the bot did not start:\n${bot.output()}`);
}
