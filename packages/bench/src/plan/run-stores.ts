import { probe, type BenchRequest } from '../load/bench-request.js';
import { closedLoop } from '../load/closed-loop.js';
import { spawnTarget, type RunningTarget } from '../load/spawn-target.js';
import type { TargetPool } from '../load/target-pool.js';
import type { BenchStore } from '../targets/open-bench-stores.js';
import { benchRequests } from './bench-requests.js';
import type { BenchSettings } from './bench-settings.js';
import type { BenchResults } from './results.js';

const STORES: readonly BenchStore[] = ['memory', 'sqlite', 'postgres'];

/** Runs `request` on every target forward then backward, and answers each target's mean 2xx/s. */
async function forwardAndBack(
  targets: ReadonlyArray<RunningTarget>,
  request: (t: RunningTarget) => BenchRequest,
  load: { connections: number; seconds: number },
): Promise<number[]> {
  const sums = targets.map(() => 0);
  const order = [...targets.keys(), ...[...targets.keys()].reverse()];
  for (const i of order) sums[i]! += (await closedLoop(request(targets[i]!), load)).okPerSecond;
  return sums.map((sum) => sum / 2);
}

/**
 * Section (5): the same Fastify target on each store, all started at once and loaded in turn
 * (forward, then backward, so drift in the machine's load cancels out), against the memory store.
 *
 * @example await runStores(results, settings, pool, log);
 */
export async function runStores(results: BenchResults, s: BenchSettings, pool: TargetPool, log: (m: string) => void): Promise<void> {
  const targets: RunningTarget[] = [];
  const names: BenchStore[] = [];
  for (const store of STORES) {
    try {
      targets.push(await pool.start(spawnTarget({ name: 'fastify', store })));
      names.push(store);
    } catch (error) {
      results.notes.push(`store: ${store}: could not start (${String(error).slice(0, 200)}); not measured.`);
    }
  }
  if (names[0] !== 'memory' || targets.length < 2) return;
  log(`stores: ${names.join(', ')}`);
  const requests = targets.map((t) => benchRequests(t.url, t.fixtures!));
  // Login is left out: one argon2id verify costs a hundred times a user lookup on any of these stores.
  const described: Record<string, string> = {
    'GET /userinfo': 'GET /userinfo (reads the user by id)',
    'POST /delegation': 'POST /delegation (uses the refresh token: a write; reads the user)',
  };
  const paths = requests[0]!.paths.map((pair, index) => ({
    name: described[pair.name] ?? pair.name,
    pick: (i: number) => requests[i]!.paths[index]!.request,
    connections: s.pathConnections,
    seconds: s.pathSeconds,
  }));
  for (const path of paths) {
    for (const [i] of targets.entries()) {
      await probe(path.pick(i));
      await closedLoop(path.pick(i), { connections: path.connections, seconds: 1 });
    }
    const perSecond = await forwardAndBack(targets, (t) => path.pick(targets.indexOf(t)), path);
    names.forEach((store, i) => {
      results.stores.push({ store, path: path.name, perSecond: perSecond[i]!, vsMemory: perSecond[i]! / perSecond[0]! });
    });
  }
  for (const target of targets) await pool.stop(target);
}
