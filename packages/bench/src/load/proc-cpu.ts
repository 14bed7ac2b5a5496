import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of `/proc/<pid>/stat` (`getconf CLK_TCK`; 100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * CPU seconds a process has used so far, all its threads (libuv's pool too), user plus system.
 *
 * @example const before = procCpuSeconds(pid); … ; const used = procCpuSeconds(pid) - before;
 */
export function procCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may itself hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** CPU of a process split by kind of thread. */
export interface ThreadCpu {
  /** The event loop (the thread whose id is the process id). */
  readonly main: number;
  /** `oauth-ro-hash` threads (@oauth-ro/argon2's hashing threads). */
  readonly hashing: number;
  /** Every other thread: libuv's pool (WebCrypto, fs), V8's GC and compiler helpers. */
  readonly other: number;
}

/**
 * CPU seconds a process has used so far, by kind of thread (Linux `/proc/<pid>/task`); threads that
 * ended meanwhile are not counted.
 *
 * @example const before = procThreadCpu(pid); … ; const after = procThreadCpu(pid);
 */
export function procThreadCpu(pid: number): ThreadCpu {
  const split = { main: 0, hashing: 0, other: 0 };
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // ended between the listing and the read
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    if (Number(tid) === pid) split.main += seconds;
    else if (name === 'oauth-ro-hash') split.hashing += seconds;
    else split.other += seconds;
  }
  return split;
}
