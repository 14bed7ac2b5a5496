import type { BenchSettings } from '../plan/bench-settings.js';
import { POLL_INTERVAL_MS } from '../plan/measure-overload.js';
import type { OverloadRow, PollFigures, ProfileRow } from '../plan/results.js';
import { OVERLOAD_USERS } from '../plan/run-overload.js';
import { fixed, markdownTable } from './markdown-table.js';

/** The goals of section 9 (issue #22). */
export const OVERLOAD_GOALS = { loginRatio: 2, pollRatio: 5, peakMiB: 512 } as const;

const atMost = (value: number, goal: number, digits = 2) =>
  Number.isFinite(value) ? `**${fixed(value, digits)}** ${value <= goal ? '✅' : '❌'}` : 'n/a';
const ms = (value: number) => fixed(value, value < 10 ? 1 : 0);
const poll = (idle: PollFigures, during: PollFigures) =>
  `${ms(idle.p50Ms)} → ${ms(during.p50Ms)} (p99 ${ms(during.p99Ms)}; ${fixed(during.ok)}/${fixed(during.sent)} 200): ${atMost(during.p50Ms / idle.p50Ms, OVERLOAD_GOALS.pollRatio, 1)}`;

/**
 * Section 9 of BENCHMARKS.md: answered logins at 2× capacity against 0.5×, JWKS and `/userinfo`
 * against their idle medians, peak RSS, the 503s; `profile` (a helper of the report) renders the
 * CPU profile taken during the 2× phase.
 *
 * @example out.push(...renderOverload(results.overload, results.overloadProfiles, settings, profileSection));
 */
export function renderOverload(
  rows: readonly OverloadRow[],
  profiles: readonly ProfileRow[],
  s: BenchSettings,
  profile: (row: ProfileRow) => string,
): string[] {
  if (rows.length === 0) return [];
  const out = [
    `## 11. Overload: open-loop logins at 2× capacity (goals: answered median ≤ ${OVERLOAD_GOALS.loginRatio}× its median at 0.5×; JWKS and /userinfo medians ≤ ${OVERLOAD_GOALS.pollRatio}× idle; peak RSS ≤ ${OVERLOAD_GOALS.peakMiB} MiB)`,
    '',
    `Each target fresh and as deployed: default hasher limits, brute-force protection and per-IP limits on. Capacity is`,
    `closed-loop logins of one user on ${s.loginConnections} connections for ${s.loginSeconds} s, after ${s.loginWarmupSeconds} s of them unmeasured (V8's warm-up); then ${s.overloadSeconds} s of open-loop logins (each due at`,
    `a fixed time whatever happened to the others; latency counts from that time) at 0.5× and at 2× that rate, rotating over`,
    `${OVERLOAD_USERS} users so no user reaches brute-force protection's 10 attempts in flight. Meanwhile JWKS and \`/userinfo\``,
    `are each polled every ${POLL_INTERVAL_MS} ms from a worker thread of the bench process (an event loop of its own), and for`,
    `${fixed(Math.max(1, s.overloadSeconds * 0.6), 1)} s before any load (idle). Every login comes from 127.0.0.1: one IP, so the per-IP count (100 failures`,
    'plus attempts in flight, docs/spec.md "Counted before judging") caps this run at 100 logins in flight; beyond, an',
    'attempt waits for a slot (503 "Too many logins in progress…" after 10 s), or, while the hashing queue is in overload, is answered that',
    '503 at once (docs/spec.md). The 503 counts below say which limit answered.',
    '',
    markdownTable(
      ['target', 'capacity /s', 'answered p50 / p99 at 0.5×', 'answered p50 / p99 at 2×', '2× ÷ 0.5×', 'answers at 2×', '503: median ms, Retry-After on each', 'peak RSS MiB (idle)'],
      rows.map((row) => [
        row.target,
        fixed(row.capacityPerSecond, 1),
        `${ms(row.half.okP50Ms)} / ${ms(row.half.okP99Ms)}`,
        `${ms(row.double.okP50Ms)} / ${ms(row.double.okP99Ms)}`,
        atMost(row.loginRatio, OVERLOAD_GOALS.loginRatio),
        `${fixed(row.double.offeredPerSecond)}/s offered, ${statuses(row.double.statuses)}`,
        row.double.unavailable === 0
          ? 'none'
          : `${fixed(row.double.unavailable)}: ${ms(row.double.unavailableP50Ms)} ms, ${row.double.retryAfterOn503 ? 'yes ✅' : 'NO ❌'}`,
        `${atMost(row.peakMiB, OVERLOAD_GOALS.peakMiB, 0)} (${fixed(row.idleMiB)})`,
      ]),
    ),
    '',
    markdownTable(
      ['target', 'JWKS p50 ms: idle → 2× (÷ idle)', '/userinfo p50 ms: idle → 2× (÷ idle)', 'JWKS p50 at 0.5×', '/userinfo p50 at 0.5×'],
      rows.map((row) => [row.target, poll(row.idle.jwks, row.double.jwks), poll(row.idle.userinfo, row.double.userinfo), ms(row.half.jwks.p50Ms), ms(row.half.userinfo.p50Ms)]),
    ),
    '',
  ];
  const reasons = new Map<string, number>();
  for (const row of rows) for (const [why, n] of Object.entries(row.double.unavailableBy)) reasons.set(why, (reasons.get(why) ?? 0) + n);
  if (reasons.size > 0) {
    out.push(`503s at 2×, by \`error_description\` (all targets): ${[...reasons].map(([why, n]) => `"${why}" ${fixed(n)}`).join('; ')}.`, '');
  }
  for (const p of profiles) out.push(profile(p), '');
  return out;
}

function statuses(counts: Readonly<Record<string, number>>): string {
  return Object.entries(counts)
    .sort()
    .map(([code, n]) => `${code}: ${fixed(n)}`)
    .join(', ');
}
