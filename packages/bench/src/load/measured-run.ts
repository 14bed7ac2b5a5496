import type { BenchRequest } from './bench-request.js';
import { closedLoop, type ClosedLoopOptions, type ClosedLoopResult } from './closed-loop.js';
import { procCpuSeconds } from './proc-cpu.js';

/** A closed-loop run plus the CPU the server process used for it. */
export interface MeasuredRun extends ClosedLoopResult {
  readonly cpuSeconds: number;
  /**
   * 2xx answers per CPU-second of the server: what a request costs the machine, which other
   * processes' load disturbs far less than throughput.
   */
  readonly okPerCpuSecond: number;
}

/**
 * @example const run = await measuredRun(target.pid, request, { connections: 16, seconds: 3 });
 */
export async function measuredRun(pid: number, request: BenchRequest, options: ClosedLoopOptions): Promise<MeasuredRun> {
  const before = procCpuSeconds(pid);
  const result = await closedLoop(request, options);
  const cpuSeconds = procCpuSeconds(pid) - before;
  return { ...result, cpuSeconds, okPerCpuSecond: cpuSeconds > 0 ? result.ok / cpuSeconds : NaN };
}

/**
 * Sums of several runs of the same request: rate over their total time and total CPU.
 *
 * @example combineRuns(a1, a2).okPerCpuSecond;
 */
export function combineRuns(...runs: MeasuredRun[]): { okPerSecond: number; okPerCpuSecond: number; minOkPerSecond: number } {
  const ok = runs.reduce((n, r) => n + r.ok, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  const cpu = runs.reduce((n, r) => n + r.cpuSeconds, 0);
  return { okPerSecond: ok / seconds, okPerCpuSecond: cpu > 0 ? ok / cpu : NaN, minOkPerSecond: Math.min(...runs.map((r) => r.okPerSecond)) };
}
