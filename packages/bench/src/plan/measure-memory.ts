import { closedLoop } from '../load/closed-loop.js';
import { percentileOf } from '../load/interleaved-samples.js';
import { pollInWorker } from '../load/poll-in-worker.js';
import { procMemory } from '../load/proc-memory.js';
import type { RunningTarget } from '../load/spawn-target.js';
import { benchRequests } from './bench-requests.js';
import type { BenchSettings } from './bench-settings.js';
import type { MemoryRow } from './results.js';

/**
 * Floods a fresh target with `floodConnections` concurrent logins and reads its resident memory:
 * idle before, then the peak (`VmHWM`, which also catches spikes between samples). Meanwhile
 * `GET /.well-known/jwks.json` is polled every 100 ms (does the rest of the service keep answering?)
 * and a login every 250 ms on a connection of its own (does every 503 carry `Retry-After`?), each
 * from a worker thread of its own.
 *
 * @example const row = await measureMemory('fastify', target, settings);
 */
export async function measureMemory(
  name: string,
  target: RunningTarget,
  s: BenchSettings,
  hasherLimits?: MemoryRow['hasherLimits'],
): Promise<MemoryRow> {
  const idle = procMemory(target.pid);
  const { login } = benchRequests(target.url, target.fixtures!);
  // Long enough that no attempt times out while it waits its turn in the hashing queue.
  const flood = closedLoop(login, { connections: s.floodConnections, seconds: s.floodSeconds, timeoutSeconds: 120 });
  const jwksPoll = pollInWorker({ method: 'GET', url: `${target.url}/.well-known/jwks.json`, headers: {} }, 100, flood);
  const loginPoll = pollInWorker(login, 250, flood, 120_000);
  const [result, jwks, logins] = await Promise.all([flood, jwksPoll, loginPoll]);
  const after = procMemory(target.pid);
  return {
    target: name,
    ...(hasherLimits ? { hasherLimits } : {}),
    connections: s.floodConnections,
    idleMiB: idle?.rssMiB ?? NaN,
    peakMiB: after?.peakMiB ?? NaN,
    statuses: result.statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    jwks: { ok: jwks.ok, sent: jwks.sent, p50Ms: percentileOf(jwks.latenciesMs, 50), maxMs: Math.max(...jwks.latenciesMs) },
    // Judged on the poller's own logins (autocannon keeps no headers); not judged when none got a 503.
    ...((logins.statuses['503'] ?? 0) > 0 ? { retryAfterOn503: logins.unavailableWithoutRetryAfter === 0 } : {}),
  };
}
