import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArgon2Hasher } from '@oauth-ro/argon2';
import { bearerGet, jsonPost, probe, type BenchRequest } from '../load/bench-request.js';
import { percentileOf } from '../load/interleaved-samples.js';
import { measureImport, writeAuth0Export } from '../scale/measure-import.js';
import { postgresQueryPlans, sqliteQueryPlans } from '../scale/query-plans.js';
import { rotatingLoop, sendOnce, type LoopResult } from '../scale/rotating-loop.js';
import type { ScalePath, ScaleSizeRow, ScaleStoreResult } from '../scale/scale-results.js';
import { SCALE_PASSWORD, scaleSizes, scaleUser, spreadUsers } from '../scale/scale-users.js';
import { dropSchema, seedPostgres, withPostgres, benchPostgresUrl } from '../scale/seed-postgres.js';
import { seedSqlite } from '../scale/seed-sqlite.js';
import { MONTH_PROBER, simulateMonth, type TableCounts } from '../scale/simulate-month.js';
import { spawnScaleServer, type ScaleServer } from '../scale/spawn-scale-server.js';
import { BENCH } from '../targets/bench-config.js';
import type { BenchResults } from './results.js';

/** The goal: each size's login median and throughput within ±10 % of the smallest size's. */
export const SCALE_TOLERANCE = 0.1;
const SCHEMA_PREFIX = 'oauth_ro_bench_scale_';

/** How long the scale section runs at `scale` (`BENCH_SCALE`). */
function scaleSettings(scale: number) {
  return {
    rounds: Math.max(3, Math.round(8 * scale)),
    loginRoundSeconds: Math.max(0.5, 1.5 * scale),
    loginConnections: 4,
    userinfoRoundSeconds: Math.max(0.3, 0.75 * scale),
    userinfoConnections: 8,
    // The month is judged on the shape of the counts, not their size: the same traffic at every scale.
    month: { days: 30, loginsPerDay: 24, failedPerDay: 12, users: 100 },
    imports: (process.env.BENCH_SCALE_IMPORT ?? '100000,1000000').split(',').map(Number),
    importsPostgres: (process.env.BENCH_SCALE_IMPORT_PG ?? '100000,1000000').split(',').map(Number),
  };
}

function median(values: readonly number[]): number {
  return percentileOf(values, 50);
}

/**
 * Rounds of `seconds` on every server in turn (the order rotating each round), so that drift in the
 * machine's load hits every size alike; per size, pooled median/p99 and the per-round ratios to the
 * first size.
 */
async function pairedRounds(
  path: string,
  judged: boolean,
  sizes: readonly number[],
  requests: readonly (readonly BenchRequest[])[],
  rounds: number,
  options: { connections: number; seconds: number },
): Promise<ScalePath> {
  const byRound: LoopResult[][] = [];
  for (let round = 0; round < rounds; round += 1) {
    const results: LoopResult[] = [];
    for (let k = 0; k < sizes.length; k += 1) {
      const i = (round + k) % sizes.length;
      results[i] = await rotatingLoop(requests[i]!, options);
    }
    byRound.push(results);
  }
  const rows: ScaleSizeRow[] = sizes.map((size, i) => {
    const latencies = byRound.flatMap((r) => r[i]!.latenciesMs);
    const statuses: Record<string, number> = {};
    for (const r of byRound) for (const [code, n] of Object.entries(r[i]!.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
    return {
      size,
      medianMs: median(latencies),
      p99Ms: percentileOf(latencies, 99),
      perSecond: byRound.reduce((sum, r) => sum + r[i]!.okPerSecond, 0) / rounds,
      medianRatio: median(byRound.map((r) => median(r[i]!.latenciesMs) / median(r[0]!.latenciesMs))),
      throughputRatio: median(byRound.map((r) => r[i]!.okPerSecond / r[0]!.okPerSecond)),
      statuses,
    };
  });
  return { path, judged, connections: options.connections, rounds, roundSeconds: options.seconds, sizes: rows };
}

/** Logs every spread user in once on `server` (checking 200) and answers their access tokens. */
async function accessTokens(server: ScaleServer, logins: readonly BenchRequest[]): Promise<string[]> {
  const tokens: string[] = [];
  for (const login of logins) {
    const { status, body } = await sendOnce(login);
    if (status !== 200) throw new Error(`scale login answered ${status}: ${body.slice(0, 200)}`);
    tokens.push(String((JSON.parse(body) as { access_token: string }).access_token));
  }
  await probe(bearerGet(`${server.url}/userinfo`, tokens[0]!));
  return tokens;
}

function loginRequests(url: string, size: number): BenchRequest[] {
  return spreadUsers(size).map((i) =>
    jsonPost(`${url}/oauth/ro`, {
      client_id: BENCH.clientId,
      connection: BENCH.connection,
      grant_type: 'password',
      username: scaleUser(i).email,
      password: SCALE_PASSWORD,
      scope: 'openid',
    }),
  );
}

async function sqliteCounts(path: string): Promise<TableCounts> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path, { readonly: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      expiringTokens: one(`SELECT count(*) AS n FROM refresh_tokens WHERE client_id = 'bench-expiring'`),
      defaultTokens: one(`SELECT count(*) AS n FROM refresh_tokens WHERE client_id <> 'bench-expiring' AND user_id <> '${MONTH_PROBER.user_id}'`),
      counters: one('SELECT count(*) AS n FROM counters'),
      counterSlots: one('SELECT count(*) AS n FROM counter_slots'),
    };
  } finally {
    db.close();
  }
}

async function postgresCounts(schema: string): Promise<TableCounts> {
  return withPostgres(schema, async (client) => {
    const one = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
    return {
      expiringTokens: await one(`SELECT count(*) AS n FROM refresh_tokens WHERE client_id = 'bench-expiring'`),
      defaultTokens: await one(`SELECT count(*) AS n FROM refresh_tokens WHERE client_id <> 'bench-expiring' AND user_id <> '${MONTH_PROBER.user_id}'`),
      counters: await one('SELECT count(*) AS n FROM counters'),
      counterSlots: await one('SELECT count(*) AS n FROM counter_slots'),
    };
  });
}

/**
 * Section `scale`: per store (SQLite, PostgreSQL), one standalone server per table size (10 k, 100 k,
 * 1 M users by default; `BENCH_SCALE_USERS` to change), all up at once; logins of 64 users spread
 * over the table in paired rounds, then `/userinfo`; then the login path's query plans at the
 * largest size, a simulated month of traffic with the hourly sweep, and `oauth-ro users import`.
 *
 * @example await runScale(results, scale, repoRoot, log);
 */
export async function runScale(results: BenchResults, scale: number, repoRoot: string, log: (m: string) => void): Promise<void> {
  const sizes = scaleSizes();
  const s = scaleSettings(scale);
  const hash = await (await createArgon2Hasher()).hash(SCALE_PASSWORD);
  const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-bench-scale-'));
  try {
    const stores = (process.env.BENCH_SCALE_STORES ?? 'sqlite,postgres').split(',').filter((n): n is 'sqlite' | 'postgres' => n === 'sqlite' || n === 'postgres');
    for (const store of stores) {
      await scaleStore(store, sizes, s, hash, dir, repoRoot, log).then(
        (out) => results.scale.push(out),
        (error: unknown) => results.notes.push(`scale: ${store}: failed (${String(error).slice(0, 300)}); not measured.`),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Everything the section measures on one store; drops what it created, also when it fails. */
async function scaleStore(
  store: 'sqlite' | 'postgres',
  sizes: readonly number[],
  s: ReturnType<typeof scaleSettings>,
  hash: string,
  dir: string,
  repoRoot: string,
  log: (m: string) => void,
): Promise<ScaleStoreResult> {
  const out: ScaleStoreResult = { store, seeded: [], paths: [], planSize: sizes.at(-1)!, plans: [], imports: [], notes: [] };
  const databases = sizes.map((size) => (store === 'sqlite' ? join(dir, `users-${size}.db`) : `${SCHEMA_PREFIX}${size}`));
  try {
    for (const [i, size] of sizes.entries()) {
      const seconds = store === 'sqlite' ? await seedSqlite(databases[i]!, size, hash) : await seedPostgres(databases[i]!, size, hash);
      out.seeded.push({ size, seconds });
      log(`scale: ${store} seeded ${size} users in ${seconds.toFixed(1)} s`);
    }
    await measurePaths(out, store, sizes, databases, s, repoRoot, log);
    log(`scale: ${store} simulated month, query plans`);
    await monthAndPlans(out, store, databases.at(-1)!, s.month);
  } finally {
    for (const database of databases) {
      if (store === 'sqlite') for (const suffix of ['', '-wal', '-shm']) rmSync(database + suffix, { force: true });
      else await dropSchema(database);
    }
  }
  for (const users of store === 'sqlite' ? s.imports : s.importsPostgres) {
    const file = join(dir, `auth0-export-${users}.json`);
    const target = store === 'sqlite' ? join(dir, `import-${users}.db`) : `${SCHEMA_PREFIX}import_${users}`;
    try {
      await writeAuth0Export(file, users);
      if (store === 'postgres') await dropSchema(target);
      log(`scale: ${store} users import of ${users}`);
      const url = store === 'sqlite' ? `sqlite:${target}` : `${benchPostgresUrl()}?schema=${target}`;
      const run = await measureImport(repoRoot, dir, url, file, users, 600);
      if (run) out.imports.push(run);
    } finally {
      rmSync(file, { force: true });
      if (store === 'sqlite') for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
      else await dropSchema(target);
    }
  }
  return out;
}

/** One server per size, all up at once; paired login rounds, then `/userinfo` rounds. */
async function measurePaths(
  out: ScaleStoreResult,
  store: 'sqlite' | 'postgres',
  sizes: readonly number[],
  databases: readonly string[],
  s: ReturnType<typeof scaleSettings>,
  repoRoot: string,
  log: (m: string) => void,
): Promise<void> {
  const servers: ScaleServer[] = [];
  try {
    for (const database of databases) {
      const url = store === 'sqlite' ? `sqlite:${database}` : `${benchPostgresUrl()}?schema=${database}`;
      const server = await spawnScaleServer(repoRoot, url);
      if (!server) {
        out.notes.push('the standalone server is not built (apps/server/dist); logins not measured.');
        return;
      }
      servers.push(server);
    }
    const logins = servers.map((server, i) => loginRequests(server.url, sizes[i]!));
    const tokens = await Promise.all(servers.map((server, i) => accessTokens(server, logins[i]!)));
    log(`scale: ${store} login rounds`);
    out.paths.push(await pairedRounds('POST /oauth/ro', true, sizes, logins, s.rounds, { connections: s.loginConnections, seconds: s.loginRoundSeconds }));
    log(`scale: ${store} /userinfo rounds`);
    const userinfo = servers.map((server, i) => tokens[i]!.map((token) => bearerGet(`${server.url}/userinfo`, token)));
    out.paths.push(await pairedRounds('GET /userinfo', false, sizes, userinfo, s.rounds, { connections: s.userinfoConnections, seconds: s.userinfoRoundSeconds }));
  } finally {
    for (const server of servers) await server.stop();
  }
}

/** A simulated month on the largest database (filling its token and counter tables), then its query plans. */
async function monthAndPlans(out: ScaleStoreResult, store: 'sqlite' | 'postgres', largest: string, month: ReturnType<typeof scaleSettings>['month']): Promise<void> {
  if (store === 'sqlite') {
    const { openSqliteStores } = await import('@oauth-ro/store-sqlite');
    const stores = await openSqliteStores(largest);
    try {
      out.month = await simulateMonth(stores, () => sqliteCounts(largest), month);
    } finally {
      await stores.close();
    }
    out.plans.push(...sqliteQueryPlans(largest));
  } else {
    const { openPostgresStores } = await import('@oauth-ro/store-postgres');
    const stores = await openPostgresStores(benchPostgresUrl(), { schema: largest, applicationName: 'oauth-ro-bench-month' });
    try {
      out.month = await simulateMonth(stores, () => postgresCounts(largest), month);
    } finally {
      await stores.close();
    }
    out.plans.push(...(await postgresQueryPlans(largest)));
  }
}
