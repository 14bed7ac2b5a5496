import type { BenchRequest } from '../load/bench-request.js';
import { spawnTarget, type RunningTarget } from '../load/spawn-target.js';
import type { TargetPool } from '../load/target-pool.js';
import type { TargetSpec } from '../targets/protocol.js';
import { benchRequests } from './bench-requests.js';
import type { BenchSettings } from './bench-settings.js';
import { measureMemory } from './measure-memory.js';
import { measureProfile } from './measure-profile.js';
import { oidcRequest } from './oidc-request.js';
import type { BenchResults } from './results.js';
import { ADAPTERS } from './run-throughput.js';

/**
 * Section (4b): a fresh child per adapter under a flood of concurrent logins, brute-force protection
 * off so that every attempt reaches the hasher's queue.
 *
 * @example await runMemory(results, settings, pool, log);
 */
export async function runMemory(results: BenchResults, settings: BenchSettings, pool: TargetPool, log: (m: string) => void): Promise<void> {
  const runs = [
    ...ADAPTERS.map((name) => ({ name, hasherLimits: undefined })),
    // A deployment that caps the queue low: most of the flood is refused at once with 503 + Retry-After.
    { name: 'fastify' as const, hasherLimits: CAPPED_HASHER },
  ];
  for (const { name, hasherLimits } of runs) {
    const label = hasherLimits ? `${name} (hasher ${hasherLimits.concurrency} running, ${hasherLimits.maxQueued} queued)` : name;
    log(`${label}: ${settings.floodConnections} concurrent logins for ${settings.floodSeconds} s`);
    const target = await pool.start(spawnTarget({ name, bruteForceProtection: false, ...(hasherLimits ? { hasherLimits } : {}) }));
    const row = await measureMemory(name, target, settings, hasherLimits);
    await pool.stop(target);
    results.memory.push(row);
    log(
      `${label}: peak RSS for ${row.connections} concurrent logins ${row.peakMiB.toFixed(1)} MiB (idle ${row.idleMiB.toFixed(1)} MiB, ` +
        `goal ≤ 512 MB: ${row.peakMiB * 1.048576 <= 512 ? 'met' : 'MISSED'}); answers ${JSON.stringify(row.statuses)}; ` +
        `JWKS kept answering: ${row.jwks.ok}/${row.jwks.sent} 200, p50 ${row.jwks.p50Ms.toFixed(1)} ms, max ${row.jwks.maxMs.toFixed(1)} ms` +
        (row.retryAfterOn503 === undefined ? '' : `; every 503 carried Retry-After: ${row.retryAfterOn503 ? 'yes' : 'NO'}`),
    );
  }
}

/** The capped memory run's hasher limits. */
export const CAPPED_HASHER = { concurrency: 2, maxQueued: 64 } as const;

/**
 * Section (6): `--cpu-prof` children — Fastify and Hono on `GET /userinfo`, Fastify on `/delegation` and
 * on login, and oidc-provider on client_credentials.
 *
 * @example await runProfiles(results, settings, log);
 */
export async function runProfiles(results: BenchResults, settings: BenchSettings, log: (m: string) => void): Promise<void> {
  const requests = (t: RunningTarget) => benchRequests(t.url, t.fixtures!);
  const runs: { spec: TargetSpec; label: string; pick: (t: RunningTarget) => BenchRequest; connections: number; warmupSeconds?: number }[] = [
    // Express's profile adds little to Fastify's (its router and response helpers); Hono's shows its adapter's cost.
    ...(['fastify', 'hono'] as const).map((name) => ({
      spec: { name },
      label: `${name}, GET /userinfo`,
      pick: (t: RunningTarget) => requests(t).paths[0]!.request,
      connections: settings.pathConnections,
    })),
    {
      spec: { name: 'fastify' as const },
      label: 'fastify, POST /delegation',
      pick: (t: RunningTarget) => requests(t).paths.find((p) => p.name === 'POST /delegation')?.request ?? requests(t).paths[0]!.request,
      connections: settings.pathConnections,
    },
    {
      spec: { name: 'fastify' as const },
      label: 'fastify, POST /oauth/ro (login)',
      pick: (t: RunningTarget) => requests(t).login,
      connections: settings.loginConnections,
      warmupSeconds: settings.loginWarmupSeconds,
    },
    {
      spec: { name: 'oidc-provider' as const },
      label: 'oidc-provider, POST /token (client_credentials)',
      pick: oidcRequest,
      connections: settings.pathConnections,
    },
  ];
  for (const run of runs) {
    log(`profiling ${run.label}`);
    results.profiles.push(await measureProfile(run.spec, run.pick, run.label, run.connections, settings, run.warmupSeconds));
  }
}
