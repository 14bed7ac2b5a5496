import { closedLoop } from '../load/closed-loop.js';
import { procMemory } from '../load/proc-memory.js';
import type { RunningTarget } from '../load/spawn-target.js';
import { benchRequests } from './bench-requests.js';
import type { BenchSettings } from './bench-settings.js';
import type { MemoryRow } from './results.js';

/**
 * Floods a fresh target with `floodConnections` concurrent logins and reads its resident memory:
 * idle before, then the peak (`VmHWM`, which also catches spikes between samples).
 *
 * @example const row = await measureMemory('fastify', target, settings);
 */
export async function measureMemory(name: string, target: RunningTarget, s: BenchSettings): Promise<MemoryRow> {
  const idle = procMemory(target.pid);
  const { login } = benchRequests(target.url, target.fixtures!);
  // Long enough that no attempt times out while it waits its turn in the hashing queue.
  const flood = await closedLoop(login, { connections: s.floodConnections, seconds: s.floodSeconds, timeoutSeconds: 120 });
  const after = procMemory(target.pid);
  return {
    target: name,
    connections: s.floodConnections,
    idleMiB: idle?.rssMiB ?? NaN,
    peakMiB: after?.peakMiB ?? NaN,
    statuses: flood.statuses,
    errors: flood.errors,
    timeouts: flood.timeouts,
  };
}
