import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_KEY, CosmosProcess } from '../cosmos/process.js';
import {
  BOT_ENTRY,
  botSettings,
  FLOOR_ENTRY,
  floorSettings,
  startProcess,
  type Children,
} from './processes.js';

export interface Startup {
  /** Milliseconds from spawning `node dist/src/index.js` to its first 200 from /healthz, per run. */
  cosmos: number[];
  embedded: number[];
  floor: number[];
}

async function timeOnce(
  children: Children,
  name: string,
  entry: string,
  env: Record<string, string>,
): Promise<number> {
  const p = await startProcess(children, name, entry, env);
  const code = await p.stop();
  if (code !== 0) throw new Error(`${name} stopped with exit code ${code}:\n${p.output()}`);
  return p.readyMs;
}

/**
 * Start-up as `npm start` runs it after a build: on Cosmos DB (database and container already
 * there, as in production; a first, uncounted run creates them) and on a fresh embedded store;
 * the floor (at most 3 runs) for reference. Runs alternate so a slow moment touches each alike.
 */
export async function startup(children: Children, runs: number): Promise<Startup> {
  const cosmos = await CosmosProcess.start(children);
  const onCosmos = botSettings({ cosmos: cosmos.endpoint, database: 'startup' }, BENCH_KEY);
  const out: Startup = { cosmos: [], embedded: [], floor: [] };
  try {
    await timeOnce(children, 'bot (first run)', BOT_ENTRY, onCosmos);
    await timeOnce(
      children,
      'floor (first run)',
      FLOOR_ENTRY,
      floorSettings(cosmos.endpoint, BENCH_KEY),
    );
    for (let i = 0; i < runs; i++) {
      out.cosmos.push(await timeOnce(children, 'bot on Cosmos DB', BOT_ENTRY, onCosmos));
      const dataDir = mkdtempSync(join(tmpdir(), 'ds-bench-startup-'));
      try {
        out.embedded.push(
          await timeOnce(
            children,
            'bot on the embedded store',
            BOT_ENTRY,
            botSettings({ dataDir }, ''),
          ),
        );
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
      if (i < 3)
        out.floor.push(
          await timeOnce(children, 'floor', FLOOR_ENTRY, floorSettings(cosmos.endpoint, BENCH_KEY)),
        );
    }
  } finally {
    await cosmos.stop();
  }
  return out;
}
