import { jsonPost, type BenchRequest } from '../load/bench-request.js';
import { interleavedSamples, percentileOf, type ClassSamples } from '../load/interleaved-samples.js';
import { procCpuSeconds } from '../load/proc-cpu.js';
import { spawnTarget } from '../load/spawn-target.js';
import type { TargetPool } from '../load/target-pool.js';
import { BENCH, benchLoginBody } from '../targets/bench-config.js';
import type { BenchSettings } from './bench-settings.js';
import type { BenchResults, TimingClass, TimingRatios } from './results.js';
import { ADAPTERS } from './run-throughput.js';

/** The goal: each failing class within ±5 % of a wrong password's median latency. */
export const TIMING_TOLERANCE = 0.05;

/** The failed logins an attacker could tell apart by latency, if they took different paths. */
function timingClasses(url: string): Record<string, BenchRequest> {
  const login = (username: string, password: string) => jsonPost(`${url}/oauth/ro`, { ...benchLoginBody(), username, password });
  return {
    'wrong password': login(BENCH.email, BENCH.wrongPassword),
    'unknown user': login(BENCH.unknownEmail, BENCH.password),
    // The same answer as a wrong password: latency is the only way to tell that the account is blocked.
    'blocked user, wrong password': login(BENCH.blockedEmail, BENCH.wrongPassword),
    // A different answer (401 unauthorized, "user is blocked"), given only after the password was verified.
    'blocked user, right password': login(BENCH.blockedEmail, BENCH.password),
    // A user imported with a bcrypt hash ($2b$10$): while the connection holds one, every check does
    // one argon2id and one bcrypt check, so neither this class nor the others stand out.
    'bcrypt user, wrong password': login(BENCH.bcryptEmail, BENCH.wrongPassword),
  };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** `other` against `reference` (same rounds, same order of samples). */
function ratios(other: ClassSamples, reference: ClassSamples): TimingRatios {
  const paired = other.latenciesMs.map((ms, round) => ms / reference.latenciesMs[round]!);
  return {
    name: other.name,
    medians: percentileOf(other.latenciesMs, 50) / percentileOf(reference.latenciesMs, 50),
    paired: percentileOf(paired, 50),
    cpu: mean(other.cpuMs) / mean(reference.cpuMs),
  };
}

/** "within ±5 %" or "OUTSIDE ±5 %", for the log. */
export function withinTolerance(ratio: number): boolean {
  return Math.abs(ratio - 1) <= TIMING_TOLERANCE;
}

/**
 * Section (0): timing equivalence of failed logins. Per adapter, a fresh target (real argon2id with
 * OWASP parameters, one user imported with a bcrypt hash, brute-force protection and the per-IP
 * throttle off so that every attempt is judged) takes `timingSamples` logins of each class, interleaved round-robin, one at a time; the
 * report compares each class with a wrong password: medians, per-round pairs, and server CPU.
 *
 * @example await runTiming(results, settings, pool, log);
 */
export async function runTiming(results: BenchResults, settings: BenchSettings, pool: TargetPool, log: (m: string) => void): Promise<void> {
  for (const name of ADAPTERS) {
    log(`${name}: timing of failed logins, ${settings.timingSamples} interleaved samples per class`);
    const target = await pool.start(spawnTarget({ name, bruteForceProtection: false, legacyUser: true }));
    const samples = await interleavedSamples(timingClasses(target.url), {
      samples: settings.timingSamples,
      cpuSeconds: () => procCpuSeconds(target.pid),
    });
    await pool.stop(target);
    const classes: TimingClass[] = samples.map((s) => ({
      name: s.name,
      medianMs: percentileOf(s.latenciesMs, 50),
      p90Ms: percentileOf(s.latenciesMs, 90),
      cpuMs: mean(s.cpuMs),
      statuses: s.statuses,
    }));
    const [wrong, ...others] = samples as [ClassSamples, ...ClassSamples[]];
    const row = { target: name, samples: settings.timingSamples, classes, ratios: others.map((o) => ratios(o, wrong)) };
    results.timing.push(row);
    const show = (r: TimingRatios): string =>
      `${r.medians.toFixed(3)} (${withinTolerance(r.medians) ? 'within' : 'OUTSIDE'} ±5 %; paired ${r.paired.toFixed(3)}, CPU ${r.cpu.toFixed(3)})`;
    log(
      `${name}: median / p90 ms ${classes.map((c) => `${c.name} ${c.medianMs.toFixed(1)} / ${c.p90Ms.toFixed(1)}`).join(', ')}; ` +
        row.ratios.map((r) => `${r.name} ÷ wrong password ${show(r)}`).join(', '),
    );
  }
  log('a brute-force-blocked identifier (429 too_many_attempts) is answered before any hashing, by design: the 429 itself says it is blocked, so its speed reveals nothing more');
}
