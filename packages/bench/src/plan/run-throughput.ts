import { availableParallelism } from 'node:os';
import { probe } from '../load/bench-request.js';
import { closedLoop } from '../load/closed-loop.js';
import { spawnStandalone } from '../load/spawn-standalone.js';
import { spawnTarget, type RunningTarget } from '../load/spawn-target.js';
import type { TargetPool } from '../load/target-pool.js';
import type { BenchSettings } from './bench-settings.js';
import { measureAdapter } from './measure-adapter.js';
import { oidcRequest } from './oidc-request.js';
import type { BenchResults } from './results.js';

/** The adapters, in the order they are measured. */
export const ADAPTERS = ['express', 'fastify', 'hono'] as const;

/**
 * Sections (1)–(4a): one raw-argon2 child and one oidc-provider child live through the whole section;
 * each adapter (then the standalone server, if built) is started, measured and stopped in turn.
 *
 * @example await runThroughput(results, settings, pool, repoRoot, log);
 */
export async function runThroughput(
  results: BenchResults,
  settings: BenchSettings,
  pool: TargetPool,
  repoRoot: string,
  log: (message: string) => void,
): Promise<void> {
  const raw = await pool.start(spawnTarget({ name: 'raw-argon2' }));
  // The hasher's own limit: raw verifies with libuv's pool as large as the machine has cores.
  const cores = availableParallelism();
  const rawCores = await pool.start(spawnTarget({ name: 'raw-argon2' }, [], { UV_THREADPOOL_SIZE: String(cores) }));
  const atCores = [await rawCores.rawArgon2(settings.loginConnections, settings.loginSeconds)];
  const oidcTarget = await pool.start(spawnTarget({ name: 'oidc-provider' }));
  const oidc = oidcRequest(oidcTarget);
  await probe(oidc);
  await closedLoop(oidc, { connections: settings.pathConnections, seconds: settings.warmupSeconds });
  log('raw argon2 (first)');
  let rawBefore = await raw.rawArgon2(settings.loginConnections, settings.loginSeconds);

  const targets: Array<{ name: string; spawn: () => Promise<RunningTarget | undefined>; loginOnly: boolean }> = [
    ...ADAPTERS.map((name) => ({ name, spawn: () => spawnTarget({ name }), loginOnly: false })),
    { name: 'standalone server (Fastify, pino at info)', spawn: () => spawnStandalone(repoRoot), loginOnly: true },
  ];
  for (const { name, spawn, loginOnly } of targets) {
    log(`${name}: login, paths, oidc-provider, latency`);
    const target = await pool.start(spawn());
    if (!target) {
      results.notes.push(`${name}: not measured (apps/server/dist/main.js is not built).`);
      continue;
    }
    const rows = await measureAdapter(target, {
      name,
      settings,
      rawArgon2: raw,
      rawBefore,
      oidc: { target: oidcTarget, request: oidc },
      loginOnly,
    });
    await pool.stop(target);
    rawBefore = rows.rawAfter;
    results.login.push(rows.login);
    results.paths.push(...rows.paths);
    if (rows.peer) results.peer.push(rows.peer);
    results.latency.push(...rows.latency);
  }
  atCores.push(await rawCores.rawArgon2(settings.loginConnections, settings.loginSeconds));
  results.rawAtCores = {
    threads: cores,
    perSecond: (atCores[0]!.perSecond + atCores[1]!.perSecond) / 2,
    perCpuSecond: (atCores[0]!.perCpuSecond + atCores[1]!.perCpuSecond) / 2,
  };
  await pool.stop(oidcTarget);
  await pool.stop(raw);
  await pool.stop(rawCores);
}
