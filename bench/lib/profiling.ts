import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { summarize, type CpuProfile, type ProfileSummary } from '../profile.js';
import { planChats } from './chats.js';
import { measure } from './measure.js';
import { ROOT, type Children } from './processes.js';
import { botOnCosmos, botOnEmbedded } from './subjects.js';

export const RESULTS_DIR = join(ROOT, 'bench', 'results');

export interface Profiled {
  store: 'cosmos' | 'embedded';
  answers: number;
  file: string;
  summary: ProfileSummary;
}

/**
 * The bot under `--cpu-prof` (a run of its own: profiling slows it, so these figures are not
 * compared with the floor), 32 people answering; the summary covers the load window only, read
 * from the samples' timestamps (V8's clock is the same monotonic clock as process.hrtime).
 */
export async function profileUnderLoad(
  children: Children,
  store: 'cosmos' | 'embedded',
  answers: number,
): Promise<Profiled> {
  const name = `bot-${store}.cpuprofile`;
  const file = join(RESULTS_DIR, name);
  rmSync(file, { force: true });
  const args = ['--cpu-prof', `--cpu-prof-dir=${RESULTS_DIR}`, `--cpu-prof-name=${name}`];
  const plans = planChats(`profile-${store}`, 8, 4);
  const s =
    store === 'cosmos'
      ? await botOnCosmos(children, 'bot (profiled)', plans, args)
      : await botOnEmbedded(children, 'bot (profiled)', plans, args);
  let fromUs: number;
  let toUs: number;
  try {
    await measure(s, 32, 100);
    fromUs = Number(process.hrtime.bigint() / 1000n);
    await measure(s, 32, answers);
    toUs = Number(process.hrtime.bigint() / 1000n);
  } finally {
    await s.stop();
  }
  if (!existsSync(file)) throw new Error(`The bot wrote no CPU profile (${file}).`);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  return { store, answers, file, summary: summarize(profile, ROOT, { fromUs, toUs }) };
}
