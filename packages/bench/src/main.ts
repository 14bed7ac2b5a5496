// `pnpm bench`: every measurement in one run, then BENCHMARKS.md at the repository root.
// BENCH_SCALE scales durations (0.2 for a smoke run); BENCH_ONLY=timing,throughput,memory,stores,profiles,extensibility,mfa,peers,scale,overload,directories picks sections.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCpuTimes, stealShare } from './load/proc-steal.js';
import { targetPool } from './load/target-pool.js';
import { benchSettings } from './plan/bench-settings.js';
import type { BenchResults } from './plan/results.js';
import { runMemory, runProfiles } from './plan/run-memory-and-profiles.js';
import { runStores } from './plan/run-stores.js';
import { runThroughput } from './plan/run-throughput.js';
import { runTiming } from './plan/run-timing.js';
import { runExtensibility } from './plan/run-extensibility.js';
import { runMfa } from './plan/run-mfa.js';
import { runPeers } from './plan/run-peers.js';
import { runScale } from './plan/run-scale.js';
import { runOverload } from './plan/run-overload.js';
import { runDirectories } from './plan/run-directories.js';
import { storeNotes } from './plan/store-notes.js';
import { measuredVersions } from './plan/versions.js';
import { renderReport } from './report/render-report.js';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, '..');
const repoRoot = join(packageRoot, '../..');
const started = Date.now();

function log(message: string): void {
  const s = Math.round((Date.now() - started) / 1000);
  process.stderr.write(`[bench ${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}] ${message}\n`);
}

async function main(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const only = process.env.BENCH_ONLY?.split(',');
  const wanted = (section: string) => !only || only.includes(section);
  const settings = benchSettings(scale);
  const cpu = cpus();
  const results: BenchResults = {
    startedAt: new Date(started).toISOString().replace(/\.\d+Z$/, 'Z'),
    seconds: 0,
    machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'cpu'}, Node ${process.version}, UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? 'unset (4)'}; ${measuredVersions()}`,
    timing: [],
    login: [],
    paths: [],
    peer: [],
    latency: [],
    memory: [],
    stores: [],
    profiles: [],
    extensibility: [],
    mfa: [],
    peers: [],
    scale: [],
    overload: [],
    overloadProfiles: [],
    directories: [],
    notes: [],
    noise: [],
  };
  log(`settings ${JSON.stringify(settings)}`);
  const runBefore = readCpuTimes();
  const pool = targetPool();
  try {
    const sections: readonly [string, () => Promise<void>][] = [
      ['timing', () => runTiming(results, settings, pool, log)],
      ['throughput', () => runThroughput(results, settings, pool, repoRoot, log)],
      ['memory', () => runMemory(results, settings, pool, log)],
      ['stores', () => runStores(results, settings, pool, log)],
      ['profiles', () => runProfiles(results, settings, log)],
      ['extensibility', () => runExtensibility(results, settings, pool, log)],
      ['mfa', () => runMfa(results, settings, log)],
      ['peers', () => runPeers(results, settings, pool, log)],
      ['scale', () => runScale(results, scale, repoRoot, log)],
      ['overload', () => runOverload(results, settings, pool, repoRoot, log)],
      ['directories', () => runDirectories(results, settings, repoRoot, log)],
    ];
    for (const [section, run] of sections) {
      if (!wanted(section)) continue;
      // The hypervisor's steal while the section ran: how disturbed its figures may be.
      const before = readCpuTimes();
      await run();
      results.noise.push({ section, steal: stealShare(before, readCpuTimes()) });
    }
    results.notes.push(...storeNotes());
  } finally {
    await pool.stopAll();
  }

  const seconds = (Date.now() - started) / 1000;
  results.runSteal = stealShare(runBefore, readCpuTimes());
  const findingsFile = join(packageRoot, 'findings.md');
  const findings = existsSync(findingsFile) ? readFileSync(findingsFile, 'utf8') : '';
  const env = [scale === 1 ? '' : `BENCH_SCALE=${scale}`, only ? `BENCH_ONLY=${only.join(',')}` : ''].filter(Boolean);
  const command = [...env, 'pnpm bench'].join(' ');
  const out = only || scale !== 1 ? join(packageRoot, 'BENCHMARKS.partial.md') : join(repoRoot, 'BENCHMARKS.md');
  writeFileSync(out, renderReport({ ...results, seconds }, settings, command, findings));
  log(`wrote ${out} (${Math.round(seconds)} s)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
