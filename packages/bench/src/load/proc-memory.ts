import { readFileSync } from 'node:fs';

/** Resident memory of a process, in MiB: now (`VmRSS`) and its peak so far (`VmHWM`). */
export interface ProcMemory {
  readonly rssMiB: number;
  readonly peakMiB: number;
}

/**
 * Reads `/proc/<pid>/status` (Linux); undefined when the process is gone.
 *
 * @example procMemory(child.pid); // { rssMiB: 82.1, peakMiB: 140.3 }
 */
export function procMemory(pid: number): ProcMemory | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}
