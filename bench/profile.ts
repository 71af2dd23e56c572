/**
 * Summarizes a V8 CPU profile (node --cpu-prof) into where the time goes: self time by function,
 * by file and by package, and the time spent under the bot's own functions (inclusive).
 *   node dist/bench/profile.js <file.cpuprofile>
 * The bench calls summarize() on the bot's profile of a load window.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Cost {
  name: string;
  ms: number;
  percent: number;
}

export interface ProfileSummary {
  /** Sampled time in the window (idle included), ms. */
  windowMs: number;
  /** Time the process was busy (not idle), ms. */
  busyMs: number;
  selfByFunction: Cost[];
  selfByFile: Cost[];
  selfByPackage: Cost[];
  /** Time under each of the bot's own functions (src/), callees included. */
  inclusiveOwn: Cost[];
  /** Time under each package's frames (Node's own left out: it is under everything), callees included. */
  inclusiveByPackage: Cost[];
}

/** Where a frame's code lives: a package, a file of this repository, Node itself, or V8's bookkeeping. */
function place(frame: CallFrame, root: string): { file: string; pkg: string } {
  const { url, functionName } = frame;
  if (!url) {
    const special = /^\(.*\)$/.test(functionName) ? functionName : '(native)';
    return { file: special, pkg: special };
  }
  if (url.startsWith('node:')) return { file: url, pkg: 'node (core)' };
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = path.slice(nm + 'node_modules/'.length).split('/');
    const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    return { file: `${pkg}/${parts.slice(pkg.split('/').length).join('/')}`, pkg };
  }
  const file = relative(root, path);
  const own = /^dist\/src\//.test(file)
    ? 'bot (src)'
    : /^dist\/bench\//.test(file)
      ? 'bench'
      : file;
  return { file, pkg: own };
}

function top(map: Map<string, number>, total: number, n: number): Cost[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({ name, ms: us / 1000, percent: (100 * us) / total }));
}

const add = (map: Map<string, number>, key: string, us: number) =>
  map.set(key, (map.get(key) ?? 0) + us);

/** Summarizes the samples taken between `fromUs` and `toUs` (the profile's own clock, µs). */
export function summarize(
  profile: CpuProfile,
  root: string,
  window: { fromUs?: number; toUs?: number } = {},
  n = 15,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const places = new Map(profile.nodes.map((node) => [node.id, place(node.callFrame, root)]));
  const fnKey = (node: ProfileNode) => {
    const { file } = places.get(node.id)!;
    const name = node.callFrame.functionName || '(anonymous)';
    return node.callFrame.url ? `${name}  ${file}:${node.callFrame.lineNumber + 1}` : name;
  };
  const self = new Map<string, number>();
  const selfFile = new Map<string, number>();
  const selfPkg = new Map<string, number>();
  const inclusiveOwn = new Map<string, number>();
  const inclusivePkg = new Map<string, number>();
  let t = profile.startTime;
  let windowUs = 0;
  let idleUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (
      (window.fromUs !== undefined && t < window.fromUs) ||
      (window.toUs !== undefined && t > window.toUs)
    )
      continue;
    windowUs += us;
    const leaf = byId.get(profile.samples[i])!;
    if (leaf.callFrame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    add(self, fnKey(leaf), us);
    add(selfFile, places.get(leaf.id)!.file, us);
    add(selfPkg, places.get(leaf.id)!.pkg, us);
    const seenFn = new Set<string>();
    const seenPkg = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id)!;
      const { pkg } = places.get(id)!;
      if (pkg === 'bot (src)') seenFn.add(fnKey(node));
      if (node.callFrame.url && pkg !== 'node (core)') seenPkg.add(pkg);
    }
    for (const k of seenFn) add(inclusiveOwn, k, us);
    for (const k of seenPkg) add(inclusivePkg, k, us);
  }
  const busyUs = windowUs - idleUs;
  return {
    windowMs: windowUs / 1000,
    busyMs: busyUs / 1000,
    selfByFunction: top(self, busyUs, n),
    selfByFile: top(selfFile, busyUs, n),
    selfByPackage: top(selfPkg, busyUs, n),
    inclusiveOwn: top(inclusiveOwn, busyUs, n),
    inclusiveByPackage: top(inclusivePkg, busyUs, n),
  };
}

export function printSummary(s: ProfileSummary, answers?: number): void {
  const per = answers ? `, ${((s.busyMs / answers) * 1000).toFixed(0)} µs busy per answer` : '';
  console.log(`  sampled ${s.windowMs.toFixed(0)} ms, busy ${s.busyMs.toFixed(0)} ms${per}`);
  const list = (title: string, costs: Cost[], n: number) => {
    console.log(`  ${title}`);
    for (const c of costs.slice(0, n))
      console.log(
        `    ${c.percent.toFixed(1).padStart(5)} %  ${c.ms.toFixed(0).padStart(6)} ms  ${c.name}`,
      );
  };
  list('self time by package:', s.selfByPackage, 10);
  list('self time by function:', s.selfByFunction, 15);
  list("time under the bot's own functions (callees included):", s.inclusiveOwn, 12);
  list('time under each package (callees included):', s.inclusiveByPackage, 10);
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node dist/bench/profile.js <file.cpuprofile>');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  printSummary(summarize(profile, process.cwd()));
}
