import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { percentileOf } from '../load/interleaved-samples.js';
import type { BenchSettings } from './bench-settings.js';
import type { BenchResults, DirectoryRatio, DirectoryRow } from './results.js';

/** The goal of section 10: AD login ≥ 0.8 × raw ldapts search + bind (issue #22). */
export const DIRECTORY_GOAL = 0.8;

/** In-flight logins of each part of the run. */
const CONCURRENCY = [1, 8];

interface Phase {
  readonly logins: number;
  readonly ms: number;
  readonly selfCpuMs: number;
  readonly sambaCpuMs: number;
  readonly p50Ms: number;
}
type Round = Record<'raw' | 'ad' | 'oauth', Phase>;
interface PairedResult {
  readonly setupSeconds: number;
  readonly byConcurrency: ReadonlyArray<{ readonly concurrency: number; readonly rounds: readonly Round[] }>;
}

/** Median, lowest and highest of per-round ratios, and the ratio of the sums (pooled). */
function ratioOf(rounds: readonly Round[], of: 'ad' | 'oauth', per: (p: Phase) => number): DirectoryRatio {
  const perRound = rounds.map((r) => per(r[of]) / per(r.raw)).sort((a, b) => a - b);
  const sum = (c: 'raw' | 'ad' | 'oauth', f: (p: Phase) => number) => rounds.reduce((n, r) => n + f(r[c]), 0);
  const pooled = (c: 'raw' | 'ad' | 'oauth') => sum(c, (p) => p.logins) / sum(c, (p) => p.logins / per(p));
  return { paired: percentileOf(perRound, 50), low: perRound[0] ?? NaN, high: perRound.at(-1) ?? NaN, pooled: pooled(of) / pooled('raw') };
}

/** Logins per second of wall time, per CPU-second of this process, per CPU-second of this process and Samba together. */
const throughput = (p: Phase) => p.logins / p.ms;
const perClientCpu = (p: Phase) => p.logins / p.selfCpuMs;
const perTotalCpu = (p: Phase) => p.logins / (p.selfCpuMs + p.sambaCpuMs);

/**
 * Section (10): AD login against raw ldapts on a real Samba AD DC, paired. The measuring process is
 * `packages/ldap/bench/paired-ad-login.ts` under tsx (the Samba launcher lives in the private,
 * unbuilt test-kit), which prints every phase of every round; the ratios are computed here. Skipped
 * with a note when Samba is not installed (`scripts/ci/directories.sh`, as root).
 *
 * @example await runDirectories(results, settings, repoRoot, log);
 */
export async function runDirectories(results: BenchResults, s: BenchSettings, repoRoot: string, log: (m: string) => void): Promise<void> {
  const ldap = join(repoRoot, 'packages/ldap');
  const tsx = join(ldap, 'node_modules/.bin/tsx');
  if (!existsSync('/usr/sbin/samba') || !existsSync(tsx)) {
    results.notes.push('directories: not measured (Samba AD is not installed: `sudo bash scripts/ci/directories.sh`)');
    return;
  }
  const options = { rounds: s.directoryRounds, phaseMs: s.directoryPhaseMs, concurrency: CONCURRENCY };
  log(`directories: Samba AD, ${options.rounds} rounds × ${options.phaseMs} ms × raw / ad / oauth at concurrency ${CONCURRENCY.join(' and ')}`);
  const out = await runChild(tsx, ['bench/paired-ad-login.ts', JSON.stringify(options)], ldap, log);
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error('paired-ad-login printed no RESULT line');
  const result = JSON.parse(line.slice('RESULT '.length)) as PairedResult;
  for (const { concurrency, rounds } of result.byConcurrency) {
    const row: DirectoryRow = {
      concurrency,
      rounds: rounds.length,
      phaseMs: s.directoryPhaseMs,
      perSecond: Object.fromEntries((['raw', 'ad', 'oauth'] as const).map((c) => [c, percentileOf(rounds.map((r) => throughput(r[c]) * 1000).sort((a, b) => a - b), 50)])) as DirectoryRow['perSecond'],
      cpuMsPerLogin: Object.fromEntries(
        (['raw', 'ad', 'oauth'] as const).map((c) => [
          c,
          {
            self: sumOf(rounds, c, (p) => p.selfCpuMs) / sumOf(rounds, c, (p) => p.logins),
            samba: sumOf(rounds, c, (p) => p.sambaCpuMs) / sumOf(rounds, c, (p) => p.logins),
          },
        ]),
      ) as DirectoryRow['cpuMsPerLogin'],
      ad: { throughput: ratioOf(rounds, 'ad', throughput), perClientCpu: ratioOf(rounds, 'ad', perClientCpu), perTotalCpu: ratioOf(rounds, 'ad', perTotalCpu) },
      oauth: { throughput: ratioOf(rounds, 'oauth', throughput), perClientCpu: ratioOf(rounds, 'oauth', perClientCpu), perTotalCpu: ratioOf(rounds, 'oauth', perTotalCpu) },
    };
    results.directories.push(row);
    log(
      `directories, concurrency ${concurrency}: ad ÷ raw paired throughput ${row.ad.throughput.paired.toFixed(2)} (rounds ${row.ad.throughput.low.toFixed(2)}–${row.ad.throughput.high.toFixed(2)}), ` +
        `per client CPU ${row.ad.perClientCpu.paired.toFixed(2)}, per client + Samba CPU ${row.ad.perTotalCpu.paired.toFixed(2)}`,
    );
  }
}

function sumOf(rounds: readonly Round[], c: 'raw' | 'ad' | 'oauth', f: (p: Phase) => number): number {
  return rounds.reduce((n, r) => n + f(r[c]), 0);
}

/** Runs the measuring child to its end (bounded: it is killed after ten minutes), its stderr to the log. */
function runChild(command: string, args: readonly string[], cwd: string, log: (m: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const killer = setTimeout(() => child.kill('SIGKILL'), 600_000);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      for (const l of chunk.toString().split('\n')) if (l.startsWith('paired-ad-login:')) log(l);
    });
    child.once('exit', (code) => {
      clearTimeout(killer);
      if (code === 0) resolve(out);
      else reject(new Error(`paired-ad-login exited ${code}: ${err.slice(-1000)}`));
    });
  });
}
