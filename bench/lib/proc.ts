import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** What Linux says of a process: resident memory now and at its peak (KB), CPU time used (ms). */
export interface ProcSample {
  rssKb: number;
  hwmKb: number;
  cpuMs: number;
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

const TICKS_PER_SECOND = clockTicks();

function statusKb(status: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) : NaN;
}

/** Reads /proc/<pid>/status (VmRSS, VmHWM) and /proc/<pid>/stat (utime + stime). */
export function readProc(pid: number): ProcSample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14, 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return {
    rssKb: statusKb(status, 'VmRSS'),
    hwmKb: statusKb(status, 'VmHWM'),
    cpuMs: (ticks * 1000) / TICKS_PER_SECOND,
  };
}

/** Samples a process's resident memory while a load runs, keeping the largest value seen. */
export class RssSampler {
  private timer?: NodeJS.Timeout;
  maxRssKb = 0;

  constructor(private readonly pid: number) {}

  start(everyMs = 50): this {
    const sample = () => {
      try {
        this.maxRssKb = Math.max(this.maxRssKb, readProc(this.pid).rssKb);
      } catch {
        // the process is gone; the caller notices when its answers fail
      }
    };
    sample();
    this.timer = setInterval(sample, everyMs);
    return this;
  }

  stop(): number {
    clearInterval(this.timer);
    return this.maxRssKb;
  }
}
