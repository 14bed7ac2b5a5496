import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_HASHER_LIMITS } from '@oauth-ro/argon2';
import { spawnStandalone } from '../load/spawn-standalone.js';
import { spawnTarget, type RunningTarget } from '../load/spawn-target.js';
import type { TargetPool } from '../load/target-pool.js';
import { summarizeCpuProfile, type CpuProfile } from '../report/summarize-cpu-profile.js';
import type { BenchSettings } from './bench-settings.js';
import { measureOverload } from './measure-overload.js';
import type { BenchResults, OverloadRow } from './results.js';
import { ADAPTERS } from './run-throughput.js';

/**
 * Users the overload run's logins rotate over: enough that no user has ten attempts in flight
 * (brute-force protection's per-user slots), few enough for the standalone server's per-IP sign-up
 * limit (50 an hour, the bench user included).
 */
export const OVERLOAD_USERS = 40;

/**
 * The hashing queue as it was before issue #22: FIFO, refusing only past `maxQueued`, and never in
 * overload, so logins also wait for brute-force slots as they did (a spec travels as JSON: no `Infinity`).
 */
const FIFO_QUEUE = { lifoAfterMs: 1e9, shedAfterMs: 1e9, overloadWaiting: 1e9 } as const;

const STANDALONE = 'standalone server (Fastify, pino at info)';

/**
 * Section (9): per adapter and the standalone server, as deployed (default hasher limits,
 * brute-force protection and per-IP limits on), open-loop logins at half and twice the measured
 * capacity; then Fastify with the FIFO queue and with the hasher capped at the core count, and a
 * `--cpu-prof` standalone server through the same run, its profile cut to the 2× phase.
 *
 * @example await runOverload(results, settings, pool, repoRoot, log);
 */
export async function runOverload(
  results: BenchResults,
  settings: BenchSettings,
  pool: TargetPool,
  repoRoot: string,
  log: (message: string) => void,
): Promise<void> {
  const cores = availableParallelism();
  const targets: Array<{ name: string; spawn: () => Promise<RunningTarget | undefined> }> = [
    ...ADAPTERS.map((name) => ({ name, spawn: () => spawnTarget({ name, users: OVERLOAD_USERS }) })),
    { name: STANDALONE, spawn: () => spawnStandalone(repoRoot, { users: OVERLOAD_USERS }) },
    // The same run with the queue's admission by waiting time turned off: what it changes.
    {
      name: 'fastify, FIFO hashing queue (before #22)',
      spawn: () => spawnTarget({ name: 'fastify', users: OVERLOAD_USERS, hasherLimits: { ...DEFAULT_HASHER_LIMITS, ...FIFO_QUEUE } }),
    },
    // One hash per thread handed out at a time, none ahead: what handing each thread its next hash changes.
    {
      name: `fastify, hasher concurrency ${cores} (= cores, no hash handed ahead)`,
      spawn: () => spawnTarget({ name: 'fastify', users: OVERLOAD_USERS, hasherLimits: { ...DEFAULT_HASHER_LIMITS, concurrency: cores } }),
    },
  ];
  for (const { name, spawn } of targets) {
    log(`${name}: capacity, then open-loop logins at 0.5× and 2×`);
    const target = await pool.start(spawn());
    if (!target) {
      results.notes.push(`overload: ${name} not measured (apps/server is not built)`);
      continue;
    }
    try {
      const { row } = await measureOverload(name, target, settings, OVERLOAD_USERS);
      results.overload.push(row);
      log(summary(row));
    } finally {
      await pool.stop(target);
    }
  }

  log(`${STANDALONE} with --cpu-prof: the same run, profile cut to the 2× phase`);
  const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-overload-prof-'));
  try {
    const target = await pool.start(spawnStandalone(repoRoot, { users: OVERLOAD_USERS, execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`] }));
    if (!target) return;
    let measured;
    try {
      measured = await measureOverload(STANDALONE, target, settings, OVERLOAD_USERS, true);
    } finally {
      await pool.stop(target);
    }
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file || !measured.doubleWindow) throw new Error('no .cpuprofile written for the overload run');
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
    results.overloadProfiles.push({
      label: `${STANDALONE}, open-loop logins at 2× capacity (${measured.row.double.offeredPerSecond}/s), JWKS and /userinfo polled`,
      perSecond: (measured.row.double.statuses['200'] ?? 0) / settings.overloadSeconds,
      summary: summarizeCpuProfile(profile, { limit: 14, window: measured.doubleWindow }),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function summary(row: OverloadRow): string {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  return (
    `${row.target}: capacity ${row.capacityPerSecond.toFixed(1)}/s; answered login p50 ${ms(row.half.okP50Ms)} at 0.5×, ` +
    `${ms(row.double.okP50Ms)} at 2× (ratio ${row.loginRatio.toFixed(2)}); 2× answers ${JSON.stringify(row.double.statuses)}; ` +
    `JWKS p50 ${ms(row.idle.jwks.p50Ms)} idle → ${ms(row.double.jwks.p50Ms)}; /userinfo ${ms(row.idle.userinfo.p50Ms)} → ${ms(row.double.userinfo.p50Ms)}; ` +
    `peak RSS ${row.peakMiB.toFixed(0)} MiB`
  );
}
