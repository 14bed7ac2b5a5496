import { pruneExpired } from '@oauth-ro/core/admin';
import { createOAuthRo, normalizeConfig, webCryptoRandom, type PasswordHasher } from '@oauth-ro/core';
import type { StoreBundle } from '@oauth-ro/core/ports';
import { BENCH, benchConfig } from '../targets/bench-config.js';

const HOUR_MS = 3_600_000;

/** Row counts of the tables pruning must bound, at one moment. */
export interface TableCounts {
  /** Refresh tokens of the client whose tokens expire (7 days, 3 idle). */
  readonly expiringTokens: number;
  /** Refresh tokens of the client with Auth0's default policy (non-expiring), the prober's aside: pruning cannot remove live ones. */
  readonly defaultTokens: number;
  readonly counters: number;
  readonly counterSlots: number;
}

/** A month of traffic with the hourly sweep, counted at days 15 and 30 (each right after a sweep). */
export interface MonthResult {
  readonly days: number;
  readonly loginsPerDay: number;
  readonly failedPerDay: number;
  readonly users: number;
  /** Refresh tokens issued to the expiring client over the month (what the table would hold unpruned). */
  readonly expiringIssued: number;
  readonly defaultIssued: number;
  /**
   * One more user whose app logs in every simulated hour on the default client (a new device name
   * each time, like a health probe): refresh tokens issued to it, and its live ones (the store's
   * `listByUser`, revoked ones not listed) after the sweeps of day 15 and day 30, which the limit of
   * live refresh tokens per user and client bounds.
   */
  readonly prober: { readonly issued: number; readonly liveDay15: number; readonly liveDay30: number };
  /** Right before the last sweep of day 30, and right after it; and after the last sweep of day 15. */
  readonly beforeLastSweep: TableCounts;
  readonly day30: TableCounts;
  readonly day15: TableCounts;
  /** Records the hourly sweeps deleted, by store, over the month. */
  readonly pruned: Record<string, number>;
  readonly seconds: number;
}

/** Only what a login needs of a hasher: the simulation measures rows, not hashing (never deployable). */
const plainHasher: PasswordHasher = {
  hash: async (password) => `plain:${password}`,
  verify: async (hash, password) => hash === `plain:${password}`,
  needsRehash: () => false,
  verifyDummy: async () => {},
};

/** Clients: the bench client (Auth0's default, non-expiring refresh tokens) and one whose tokens expire. */
const EXPIRING_CLIENT = 'bench-expiring';
/** The user of the hourly prober (see {@link MonthResult.prober}). */
export const MONTH_PROBER = { user_id: 'auth0|monthprober', email: 'prober@scale.example' } as const;

/**
 * Drives core's real login path (`POST /oauth/ro` through `handle`) for `days` simulated days on
 * `stores` with a fake clock: each day `loginsPerDay` successful logins with `offline_access` and a
 * device (a new refresh token each, half on each client) and `failedPerDay` wrong passwords from
 * varied IPs (brute-force and per-IP counters), spread over the day; `pruneExpired` runs every
 * simulated hour, as the server schedules it (`OAUTH_RO_PRUNE_INTERVAL_SECONDS`, default 3600).
 * Bounded: the request count is fixed.
 *
 * @example const month = await simulateMonth(stores, count, { days: 30, loginsPerDay: 200, failedPerDay: 40, users: 100 });
 */
export async function simulateMonth(
  stores: StoreBundle<'users' | 'keys' | 'refreshTokens' | 'counters' | 'codes' | 'usedAssertions' | 'tickets'>,
  count: () => Promise<TableCounts>,
  options: { days: number; loginsPerDay: number; failedPerDay: number; users: number },
): Promise<MonthResult> {
  const started = performance.now();
  let now = Date.parse('2026-01-01T00:00:00Z');
  const clock = { now: () => now };
  const base = benchConfig();
  const config = normalizeConfig({
    ...base,
    clients: [
      ...base.clients,
      {
        client_id: EXPIRING_CLIENT,
        name: 'expiring',
        token_endpoint_auth_method: 'none',
        refresh_token: { rotation_type: 'non-rotating', infinite_token_lifetime: false, token_lifetime: 7 * 86_400, infinite_idle_token_lifetime: false, idle_token_lifetime: 3 * 86_400 },
      },
    ],
    connections: base.connections.map((c) => ({ ...c, enabled_clients: [BENCH.clientId, EXPIRING_CLIENT] })),
  });
  const accounts = [
    ...Array.from({ length: options.users }, (_, u) => ({ user_id: `auth0|month${String(u).padStart(8, '0')}`, email: `month${u}@scale.example` })),
    MONTH_PROBER,
  ];
  for (const account of accounts) {
    const at = new Date(now).toISOString();
    await stores.users.create({
      ...account,
      connection: BENCH.connection,
      strategy: 'auth0',
      password_hash: `plain:${BENCH.password}`,
      blocked: false,
      profile: {},
      created_at: at,
      updated_at: at,
    });
  }
  const oauthRo = await createOAuthRo({ config, deps: { ...stores, hasher: plainHasher, clock, random: webCryptoRandom } });
  const login = async (i: number, ok: boolean, probe = false) => {
    const user = i % options.users;
    const response = await oauthRo.handle({
      method: 'POST',
      path: '/oauth/ro',
      headers: { 'content-type': 'application/json' },
      rawBody: JSON.stringify({
        client_id: probe || i % 2 === 1 ? BENCH.clientId : EXPIRING_CLIENT,
        connection: BENCH.connection,
        grant_type: 'password',
        username: probe ? MONTH_PROBER.email : `month${user}@scale.example`,
        password: ok ? BENCH.password : BENCH.wrongPassword,
        scope: 'openid offline_access',
        device: probe ? `probe-${i}` : `device-${i % 3}`,
      }),
      ip: ok ? '127.0.0.1' : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    });
    if (ok && response.status !== 200) throw new Error(`simulated login answered ${response.status}: ${response.body.slice(0, 200)}`);
  };
  const pruned: Record<string, number> = {};
  const sweep = async () => {
    const report = await pruneExpired({ clock, ...stores });
    for (const [store, n] of Object.entries(report.pruned)) pruned[store] = (pruned[store] ?? 0) + n;
    if (report.failed.length > 0) throw new Error(`prune failed: ${JSON.stringify(report.failed)}`);
  };
  let issued = 0;
  let failed = 0;
  let probes = 0;
  let proberLiveDay15 = 0;
  const proberLive = async () => (await stores.refreshTokens.listByUser(MONTH_PROBER.user_id)).length;
  let day15: TableCounts | undefined;
  let beforeLastSweep: TableCounts | undefined;
  const start = now;
  for (let hour = 0; hour < options.days * 24; hour += 1) {
    const hourStart = start + hour * HOUR_MS;
    // This hour's share of the day's logins, spread evenly through it.
    const logins = Math.round(((hour % 24) + 1) * (options.loginsPerDay / 24)) - Math.round((hour % 24) * (options.loginsPerDay / 24));
    const failures = Math.round(((hour % 24) + 1) * (options.failedPerDay / 24)) - Math.round((hour % 24) * (options.failedPerDay / 24));
    const total = logins + failures;
    for (let k = 0; k < total; k += 1) {
      now = hourStart + Math.floor(((k + 0.5) * HOUR_MS) / total);
      if (k < logins) await login(issued++, true);
      else await login(failed++, false);
    }
    now = hourStart + HOUR_MS / 2;
    await login(probes++, true, true);
    now = hourStart + HOUR_MS - 1;
    if (hour === options.days * 24 - 1) beforeLastSweep = await count();
    await sweep();
    if (hour === 15 * 24 - 1) {
      day15 = await count();
      proberLiveDay15 = await proberLive();
    }
  }
  const day30 = await count();
  return {
    days: options.days,
    loginsPerDay: options.loginsPerDay,
    failedPerDay: options.failedPerDay,
    users: options.users,
    expiringIssued: Math.ceil(issued / 2),
    defaultIssued: Math.floor(issued / 2),
    prober: { issued: probes, liveDay15: proberLiveDay15, liveDay30: await proberLive() },
    beforeLastSweep: beforeLastSweep!,
    day30,
    day15: day15 ?? day30,
    pruned,
    seconds: (performance.now() - started) / 1000,
  };
}

