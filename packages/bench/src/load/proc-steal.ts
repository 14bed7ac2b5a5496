import { readFileSync } from 'node:fs';

/** The machine's CPU time so far (all CPUs, clock ticks): in all, idle (iowait too), and stolen by the hypervisor. */
export interface CpuTimes {
  readonly total: number;
  readonly idle: number;
  readonly steal: number;
}

/**
 * Parses the aggregate `cpu` line of `/proc/stat`: user nice system idle iowait irq softirq steal …
 * (guest time is already inside user and nice, so it is not added again). Undefined without one.
 *
 * @example parseCpuTimes('cpu  100 0 20 880 0 0 0 50 0 0\n'); // { total: 1050, idle: 880, steal: 50 }
 */
export function parseCpuTimes(stat: string): CpuTimes | undefined {
  const line = stat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return undefined;
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return undefined;
  return { total: fields.reduce((a, b) => a + b, 0), idle: fields[3]! + fields[4]!, steal: fields[7]! };
}

/** This machine's {@link CpuTimes} now; undefined where `/proc/stat` is missing (not Linux). */
export function readCpuTimes(): CpuTimes | undefined {
  try {
    return parseCpuTimes(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Of the time this VM's CPUs wanted to run between two readings (not idle), the share the host gave
 * to something else (0–1). Idle time is left out, so a half-idle run is not made to look calm.
 * Undefined when either reading is missing or the CPUs never wanted to run.
 *
 * @example const before = readCpuTimes(); … ; stealShare(before, readCpuTimes()); // 0.12
 */
export function stealShare(before: CpuTimes | undefined, after: CpuTimes | undefined): number | undefined {
  if (!before || !after) return undefined;
  const wanted = after.total - after.idle - (before.total - before.idle);
  return wanted > 0 ? (after.steal - before.steal) / wanted : undefined;
}
