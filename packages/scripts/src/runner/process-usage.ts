import { readFile } from 'node:fs/promises';

/** CPU time (user + system, ms) and resident memory (bytes) of a process, from Linux's /proc; undefined elsewhere. */
export interface ProcessUsage {
  readonly cpuMs: number;
  readonly rssBytes: number;
}

const TICKS_PER_SECOND = 100; // USER_HZ on every Linux Node supports
const PAGE_BYTES = 4096;

/**
 * Reads a child's usage without trusting the child to report it.
 *
 * @example const usage = await processUsage(child.pid!); if (usage && usage.cpuMs > 5000) child.kill('SIGKILL');
 */
export async function processUsage(pid: number): Promise<ProcessUsage | undefined> {
  try {
    const [stat, statm] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile(`/proc/${pid}/statm`, 'utf8')]);
    // The command name (field 2) may hold spaces; fields after it start past the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const residentPages = Number(statm.split(' ')[1]);
    if (!Number.isFinite(utime) || !Number.isFinite(stime) || !Number.isFinite(residentPages)) return undefined;
    return { cpuMs: ((utime + stime) * 1000) / TICKS_PER_SECOND, rssBytes: residentPages * PAGE_BYTES };
  } catch {
    return undefined;
  }
}
