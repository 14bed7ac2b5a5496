import { SCALE_TOLERANCE } from '../plan/run-scale.js';
import type { ScalePath, ScaleStoreResult } from '../scale/scale-results.js';
import type { TableCounts } from '../scale/simulate-month.js';
import { fixed, markdownTable } from './markdown-table.js';

/** How far flat is: peak RSS at the largest import within this factor of the smallest's. */
export const IMPORT_FLAT_LIMIT = 1.25;
/** Bounded: rows after the sweep at day 30 within this factor of day 15's, with the same traffic every day. */
export const PRUNE_FLAT_LIMIT = 1.15;

/** Live refresh tokens a user keeps per client, as the contract says (docs/spec.md §2.2.1, Auth0's limit). */
const LIVE_REFRESH_TOKEN_LIMIT = 200;

const STORE_NAMES = { sqlite: 'SQLite', postgres: 'PostgreSQL' } as const;

function users(n: number): string {
  return n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000} M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000} k` : fixed(n);
}

function within(ratio: number, judged: boolean): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  const ok = Math.abs(ratio - 1) <= SCALE_TOLERANCE;
  return judged ? `**${fixed(ratio, 3)}** ${ok ? '✅' : '❌'}` : `${fixed(ratio, 3)} (${ok ? 'within' : 'outside'} ±${fixed(SCALE_TOLERANCE * 100)} %)`;
}

function pathTable(store: string, path: ScalePath): string[] {
  return [
    `**${store}, \`${path.path}\`** (${path.judged ? 'judged' : 'shown, not judged'}; ${path.connections} connections, ${path.rounds} rounds of ${fixed(path.roundSeconds, 2)} s per size):`,
    '',
    markdownTable(
      ['users', 'median ms', 'p99 ms (not judged)', '2xx/s', `median ÷ ${users(path.sizes[0]!.size)} (paired)`, `2xx/s ÷ ${users(path.sizes[0]!.size)} (paired)`, 'answers'],
      path.sizes.map((row, i) => [
        users(row.size),
        fixed(row.medianMs, 2),
        fixed(row.p99Ms, 2),
        fixed(row.perSecond, 1),
        i === 0 ? 'reference' : within(row.medianRatio, path.judged),
        i === 0 ? 'reference' : within(row.throughputRatio, path.judged),
        Object.entries(row.statuses).map(([code, n]) => `${code}: ${fixed(n)}`).join(', '),
      ]),
    ),
    '',
  ];
}

function counts(c: TableCounts): string[] {
  return [fixed(c.expiringTokens), fixed(c.defaultTokens), fixed(c.counters), fixed(c.counterSlots)];
}

/**
 * Section 9 of BENCHMARKS.md: login and `/userinfo` against table size, the login path's query
 * plans, a month of pruning and the import's rate and memory, per store.
 *
 * @example out.push(...renderScale(results.scale));
 */
export function renderScale(stores: readonly ScaleStoreResult[]): string[] {
  if (stores.length === 0) return [];
  const out: string[] = [
    `## 10. Scale: ${stores[0]!.seeded.map((s) => users(s.size)).join(' / ')} users (goal: login median and throughput within ±${fixed(SCALE_TOLERANCE * 100)} % of the smallest table)`,
    '',
    'Per store, one database per table size, seeded directly (one shared argon2id hash, skeletons filled), and one',
    'standalone server (`apps/server`, OWASP argon2id, brute-force protection on) on each, all three up at once.',
    'Logins of 64 users spread evenly over the table (round-robin, fixed concurrency) run in short rounds, the',
    'sizes taking turns in a rotating order, so drift in the machine hits every size alike. **Judged:** the',
    'median over rounds of (this size ÷ the smallest size, same round), for the login median latency and for',
    'logins per second. A login is ≈ 20 ms of argon2id against microseconds of lookup, so `GET /userinfo` (reads',
    'the user by id, no hashing) for the same 64 users is shown too, where the store\'s share is larger; it is',
    'not judged. p99 is reported, not judged.',
    '',
  ];
  for (const r of stores) {
    const name = STORE_NAMES[r.store];
    out.push(`### ${name}`, '', `Seeded: ${r.seeded.map((s) => `${users(s.size)} users in ${fixed(s.seconds, 1)} s`).join(', ')}.`, '');
    for (const path of r.paths) out.push(...pathTable(name, path));
    if (r.plans.length > 0) {
      const scans = r.plans.filter((p) => p.fullScan).length;
      out.push(
        `**${name} query plans** at ${users(r.planSize)} users (${r.store === 'sqlite' ? '`EXPLAIN QUERY PLAN`' : '`EXPLAIN`, after `ANALYZE`'}; the statements of the login path as the store runs them, after the simulated month below filled the token and counter tables): ${scans === 0 ? 'no full scan ✅' : `${scans} full scan(s) ❌`}`,
        '',
        markdownTable(
          ['statement', 'plan', ''],
          r.plans.map((p) => [`${p.query}: \`${p.sql.replace(/\s+/g, ' ').replace(/SELECT user_id, [^F]+ FROM/, 'SELECT … FROM')}\``, p.plan.map((l) => `\`${l.trim()}\``).join('<br>'), p.fullScan ? '❌ scan' : '✅']),
        ),
        '',
      );
    }
    if (r.month) {
      const m = r.month;
      const flat = (a: number, b: number) => (a <= Math.max(b * PRUNE_FLAT_LIMIT, b + 10) ? '✅' : '❌');
      const bounded = [flat(m.day30.expiringTokens, m.day15.expiringTokens), flat(m.day30.counters, m.day15.counters), flat(m.day30.counterSlots, m.day15.counterSlots)];
      const capped = Math.max(m.prober.liveDay15, m.prober.liveDay30) <= LIVE_REFRESH_TOKEN_LIMIT ? '✅' : '❌';
      out.push(
        `**${name}, a simulated month with the hourly sweep** (core's \`POST /oauth/ro\` through \`handle\` with a fake clock and a plain-text hasher, which only rows matter for: ${fixed(m.days)} days × ${fixed(m.loginsPerDay)} logins with \`offline_access\` and a device, half on a client whose refresh tokens expire after 7 days (3 idle), half on Auth0's default non-expiring policy, and ${fixed(m.failedPerDay)} wrong passwords from varied IPs a day, ${fixed(m.users)} users; \`pruneExpired\` every simulated hour as the server schedules it; ${fixed(m.seconds, 1)} s). **Judged:** expiring refresh tokens, counters and slots after the sweep at day 30 ≤ ${fixed(PRUNE_FLAT_LIMIT, 2)} × day 15's (the same traffic every day, so a bounded table is flat once one retention window has passed), and the hourly prober's live tokens ≤ ${fixed(LIVE_REFRESH_TOKEN_LIMIT)}: ${[...bounded, capped].every((b) => b === '✅') ? '✅' : '❌'}`,
        '',
        markdownTable(
          ['moment', 'refresh tokens, expiring client', 'refresh tokens, default (non-expiring) client', 'counters', 'counter slots'],
          [
            ['issued over the month (unpruned)', fixed(m.expiringIssued), fixed(m.defaultIssued), '', ''],
            ['after the sweep of day 15', ...counts(m.day15)],
            ['day 30, before its last sweep', ...counts(m.beforeLastSweep)],
            ['after the sweep of day 30', ...counts(m.day30)],
            ['bounded (day 30 ≤ day 15 × 1.15)', bounded[0]!, 'not by pruning: live tokens never expire', bounded[1]!, bounded[2]!],
          ],
        ),
        '',
        `Deleted by the sweeps over the month: ${Object.entries(m.pruned).map(([s, n]) => `${s} ${fixed(n)}`).join(', ')}.`,
        '',
        `**One more user logging in every simulated hour** on the default (non-expiring) client, a new device name each time (a health probe, or an app that logs in at every launch): ${fixed(m.prober.issued)} refresh tokens issued, ${fixed(m.prober.liveDay15)} live after the sweep of day 15 and ${fixed(m.prober.liveDay30)} after day 30's; Auth0's limit of ${fixed(LIVE_REFRESH_TOKEN_LIMIT)} live refresh tokens per user and client (docs/spec.md §2.2.1) revoked the oldest at each login past it, and the sweeps delete them 7 days later (not counted in the table above): ${capped}`,
        '',
      );
    }
    if (r.imports.length > 0) {
      const first = r.imports[0]!;
      const last = r.imports.at(-1)!;
      const ratio = last.peakRssMiB / first.peakRssMiB;
      out.push(
        `**${name}, \`oauth-ro users import\`** (the built CLI as a child process on a fresh database, an Auth0 export in JSON lines with one shared bcrypt hash; VmRSS sampled every 50 ms; the time includes start-up, migrations and the CLI's counting pass over the file. Both stores take users in batches of 500, one transaction each, through \`UserStore.createMany\`). **Judged:** peak RSS at ${users(last.users)} ≤ ${fixed(IMPORT_FLAT_LIMIT, 2)} × at ${users(first.users)}: **${fixed(ratio, 2)}** ${ratio <= IMPORT_FLAT_LIMIT ? '✅' : '❌'}`,
        '',
        markdownTable(
          ['users', 'seconds', 'users/s', 'peak RSS MiB', 'summary'],
          r.imports.map((i) => [users(i.users), fixed(i.seconds, 1), fixed(i.usersPerSecond), fixed(i.peakRssMiB, 1), i.summary]),
        ),
        '',
      );
    }
    out.push(...r.notes.map((n) => `- ${n}`), ...(r.notes.length > 0 ? [''] : []));
  }
  return out;
}
