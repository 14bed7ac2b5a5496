import { jsonPost, type BenchRequest } from '../load/bench-request.js';
import { interleavedSamples, percentileOf, type ClassSamples } from '../load/interleaved-samples.js';
import { procCpuSeconds } from '../load/proc-cpu.js';
import { spawnTarget } from '../load/spawn-target.js';
import type { TargetPool } from '../load/target-pool.js';
import { BENCH, benchLoginBody } from '../targets/bench-config.js';
import type { BenchSettings } from './bench-settings.js';
import type { BenchResults, TimingRatios } from './results.js';

/** The goal: one post-login Rule, and a migrated custom-database user, cost at most 1.1 × a plain login. */
export const EXTENSIBILITY_LIMIT = 1.1;

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

function ratios(other: ClassSamples, reference: ClassSamples): TimingRatios {
  const paired = other.latenciesMs.map((ms, round) => ms / reference.latenciesMs[round]!);
  return {
    name: other.name,
    medians: percentileOf(other.latenciesMs, 50) / percentileOf(reference.latenciesMs, 50),
    paired: percentileOf(paired, 50),
    cpu: mean(other.cpuMs) / mean(reference.cpuMs),
  };
}

/**
 * Section (7): what Auth0 extensibility adds to a successful password login. Two Fastify targets
 * (OWASP argon2id, brute-force protection on): A plain, with a custom-database connection whose user
 * was already migrated (`import_mode`); B with one post-login Rule run by the script runner. One
 * login of each class at a time, round-robin, so each class sees the same machine: a plain login on
 * A, the migrated user's login on A, a login through the Rule on B. CPU is both server processes'
 * (B's includes its script children only through IPC time; the children's own CPU is not counted).
 *
 * @example await runExtensibility(results, settings, pool, log);
 */
export async function runExtensibility(results: BenchResults, settings: BenchSettings, pool: TargetPool, log: (m: string) => void): Promise<void> {
  const samples = Math.max(20, Math.round(settings.timingSamples / 2));
  log(`fastify: logins with one post-login Rule and of a migrated custom-database user, ${samples} interleaved samples per class`);
  const plain = await pool.start(spawnTarget({ name: 'fastify', customDatabase: true }));
  const withRule = await pool.start(spawnTarget({ name: 'fastify', postLoginRule: true }));
  try {
    const classes: Record<string, BenchRequest> = {
      'plain login': jsonPost(`${plain.url}/oauth/ro`, benchLoginBody()),
      'migrated custom-database user': jsonPost(`${plain.url}/oauth/ro`, { ...benchLoginBody(), connection: BENCH.legacyConnection }),
      'login through one Rule': jsonPost(`${withRule.url}/oauth/ro`, benchLoginBody()),
    };
    const taken = await interleavedSamples(classes, {
      samples,
      cpuSeconds: () => procCpuSeconds(plain.pid) + procCpuSeconds(withRule.pid),
    });
    const [reference, ...others] = taken as [ClassSamples, ...ClassSamples[]];
    const row = {
      target: 'fastify',
      samples,
      classes: taken.map((c) => ({ name: c.name, medianMs: percentileOf(c.latenciesMs, 50), p90Ms: percentileOf(c.latenciesMs, 90), cpuMs: mean(c.cpuMs), statuses: c.statuses })),
      ratios: others.map((o) => ratios(o, reference)),
    };
    results.extensibility.push(row);
    log(`extensibility: ${row.ratios.map((r) => `${r.name} ÷ plain login ${r.medians.toFixed(3)} (paired ${r.paired.toFixed(3)}) ${r.paired <= EXTENSIBILITY_LIMIT ? '✅' : '❌'}`).join(', ')}`);
  } finally {
    await pool.stop(plain);
    await pool.stop(withRule);
  }
}
