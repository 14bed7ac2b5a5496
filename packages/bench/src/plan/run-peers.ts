import { probe, type BenchRequest } from '../load/bench-request.js';
import { closedLoop } from '../load/closed-loop.js';
import { combineRuns, measuredRun } from '../load/measured-run.js';
import { spawnTarget, type RunningTarget } from '../load/spawn-target.js';
import type { TargetPool } from '../load/target-pool.js';
import { BENCH } from '../targets/bench-config.js';
import type { BenchFixtures } from '../targets/protocol.js';
import { benchRequests } from './bench-requests.js';
import type { BenchSettings } from './bench-settings.js';
import { notOk } from './measure-adapter.js';
import type { BenchResults } from './results.js';
import { ADAPTERS } from './run-throughput.js';

/** One oauth-ro token path against oidc-provider's nearest equivalent, A-B-B-A, on one adapter. */
export interface PeerPathRow {
  readonly target: string;
  /** e.g. `client_credentials`. */
  readonly path: string;
  readonly perSecond: number;
  readonly oidcPerSecond: number;
  readonly ratio: number;
  readonly perCpuSecond: number;
  readonly oidcPerCpuSecond: number;
  readonly cpuRatio: number;
  readonly notOk: number;
}

/** Password logins per second ÷ the same system's raw password verifies per second, same concurrency. */
export interface PasswordOverheadRow {
  readonly system: string;
  readonly loginPerSecond: number;
  /** Raw verifies per second, mean of the runs just before and just after the login run. */
  readonly rawPerSecond: number;
  readonly ratio: number;
  readonly loginPerCpuSecond: number;
  readonly rawPerCpuSecond: number;
  readonly cpuRatio: number;
  readonly notOk: number;
  /** Taken from section 1 of the same run rather than measured again. */
  readonly fromSection1: boolean;
}

/** Section (9). */
export interface PeersResult {
  readonly oidcProviderVersion: string;
  readonly betterAuthVersion: string;
  readonly paths: PeerPathRow[];
  readonly overhead: PasswordOverheadRow[];
}

/** The paths of the peers table: what oauth-ro sends, and what oidc-provider answers it against. */
export const PEER_PATHS = {
  clientCredentials: 'client_credentials',
  refreshToken: 'refresh_token',
  delegation: '/delegation ÷ client_credentials',
  bareSign: 'bare RS256 sign ÷ client_credentials',
} as const;

function formPost(url: string, grant: { readonly body: string; readonly authorization?: string }): BenchRequest {
  return {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(grant.authorization ? { authorization: grant.authorization } : {}) },
    body: grant.body,
  };
}

function oauthRoTokenRequests(url: string, fixtures: BenchFixtures): Array<{ path: string; request: BenchRequest; oidc: 'cc' | 'refresh' }> {
  if (!fixtures.clientCredentials || fixtures.refreshToken === undefined) throw new Error('the oauth-ro target has no client_credentials or refresh token fixture');
  const delegation = benchRequests(url, fixtures).paths.find((p) => p.name === 'POST /delegation');
  if (!delegation) throw new Error('the oauth-ro target has no /delegation request');
  const refresh = new URLSearchParams({ grant_type: 'refresh_token', client_id: BENCH.clientId, refresh_token: fixtures.refreshToken }).toString();
  return [
    { path: PEER_PATHS.clientCredentials, request: formPost(`${url}/oauth/token`, fixtures.clientCredentials), oidc: 'cc' },
    { path: PEER_PATHS.refreshToken, request: formPost(`${url}/oauth/token`, { body: refresh }), oidc: 'refresh' },
    { path: PEER_PATHS.delegation, request: delegation.request, oidc: 'cc' },
    { path: PEER_PATHS.bareSign, request: delegation.bare, oidc: 'cc' },
  ];
}

/**
 * Logins against raw verifies of the same system: raw, login, raw, at the same concurrency; the
 * login server and the raw verifier are separate processes. The login run is counted, not timed
 * (about `loginSeconds` of raw verifies, a multiple of the concurrency): a timed run would drop up to
 * one login per connection at its end, a fifth of the count when a login takes over a second (Better
 * Auth's on a busy 2-core machine), while the raw loop counts every verify it started.
 */
async function passwordOverhead(system: string, login: RunningTarget, request: BenchRequest, raw: RunningTarget, s: BenchSettings): Promise<PasswordOverheadRow> {
  const n = s.loginConnections;
  await probe(request);
  // Both systems' login paths get the same warm-up, long enough for V8 to optimise ours (settings).
  await closedLoop(request, { connections: n, seconds: s.loginWarmupSeconds });
  const before = await raw.rawArgon2(n, s.loginSeconds);
  const requests = Math.max(1, Math.ceil((before.perSecond * s.loginSeconds) / n)) * n;
  const run = await measuredRun(login.pid, request, { connections: n, seconds: s.loginSeconds, requests, timeoutSeconds: 30 });
  const after = await raw.rawArgon2(n, s.loginSeconds);
  const rawPerSecond = (before.perSecond + after.perSecond) / 2;
  const rawPerCpuSecond = (before.perCpuSecond + after.perCpuSecond) / 2;
  return {
    system,
    loginPerSecond: run.okPerSecond,
    rawPerSecond,
    ratio: run.okPerSecond / rawPerSecond,
    loginPerCpuSecond: run.okPerCpuSecond,
    rawPerCpuSecond,
    cpuRatio: run.okPerCpuSecond / rawPerCpuSecond,
    notOk: notOk(run),
    fromSection1: false,
  };
}

/**
 * Section (9), peers in the same run on the same machine. (a) Per adapter, each oauth-ro token path
 * A-B-B-A against oidc-provider's nearest equivalent (one oidc-provider child for the whole
 * section): `client_credentials` against `client_credentials`, the `refresh_token` grant against
 * oidc-provider's `refresh_token` grant, `/delegation` and the bare RS256 sign route against
 * `client_credentials`. (b) The password-login overhead (logins/s ÷ the system's own raw verifies/s)
 * of oauth-ro (section 1's figures when it ran, else Fastify measured here) and of Better Auth's
 * email sign-in.
 *
 * @example await runPeers(results, settings, pool, log);
 */
export async function runPeers(results: BenchResults, settings: BenchSettings, pool: TargetPool, log: (message: string) => void): Promise<void> {
  const s = settings;
  const oidcTarget = await pool.start(spawnTarget({ name: 'oidc-provider' }));
  const oidcFixtures = oidcTarget.fixtures;
  if (!oidcFixtures?.clientCredentials || !oidcFixtures.refreshTokenGrant) throw new Error('oidc-provider target without its grant fixtures');
  const oidc = {
    cc: formPost(`${oidcTarget.url}/token`, oidcFixtures.clientCredentials),
    refresh: formPost(`${oidcTarget.url}/token`, oidcFixtures.refreshTokenGrant),
  };
  for (const request of Object.values(oidc)) {
    await probe(request);
    await closedLoop(request, { connections: s.pathConnections, seconds: s.warmupSeconds });
  }

  const paths: PeerPathRow[] = [];
  const overhead: PasswordOverheadRow[] = [];
  const section1 = results.login.filter((row) => (ADAPTERS as readonly string[]).includes(row.target));
  for (const name of ADAPTERS) {
    log(`peers: ${name} against oidc-provider`);
    const target = await pool.start(spawnTarget({ name }));
    const measure = (pid: number, request: BenchRequest, seconds: number) => measuredRun(pid, request, { connections: s.pathConnections, seconds });
    const pairs = oauthRoTokenRequests(target.url, target.fixtures!);
    // Every path is warmed before any is measured: on a fresh process the first path measured would
    // otherwise also pay for the JIT of the framework's and core's shared request path.
    for (const pair of pairs) {
      await probe(pair.request);
      await closedLoop(pair.request, { connections: s.pathConnections, seconds: s.warmupSeconds });
    }
    for (const pair of pairs) {
      const peer = oidc[pair.oidc];
      const a1 = await measure(target.pid, pair.request, s.pathSeconds);
      const b1 = await measure(oidcTarget.pid, peer, s.pathSeconds);
      const b2 = await measure(oidcTarget.pid, peer, s.pathSeconds);
      const a2 = await measure(target.pid, pair.request, s.pathSeconds);
      const a = combineRuns(a1, a2);
      const b = combineRuns(b1, b2);
      paths.push({
        target: name,
        path: pair.path,
        perSecond: a.okPerSecond,
        oidcPerSecond: b.okPerSecond,
        ratio: a.okPerSecond / b.okPerSecond,
        perCpuSecond: a.okPerCpuSecond,
        oidcPerCpuSecond: b.okPerCpuSecond,
        cpuRatio: a.okPerCpuSecond / b.okPerCpuSecond,
        notOk: notOk(a1, a2, b1, b2),
      });
    }
    if (name === 'fastify' && section1.length === 0) {
      log('peers: oauth-ro password-login overhead (fastify, section 1 did not run)');
      const raw = await pool.start(spawnTarget({ name: 'raw-argon2' }));
      overhead.push(await passwordOverhead('oauth-ro (fastify), `POST /oauth/ro`', target, benchRequests(target.url, target.fixtures!).login, raw, s));
      await pool.stop(raw);
    }
    await pool.stop(target);
  }
  await pool.stop(oidcTarget);
  for (const row of section1) {
    overhead.push({
      system: `oauth-ro (${row.target}), \`POST /oauth/ro\``,
      loginPerSecond: row.loginPerSecond,
      rawPerSecond: row.rawPerSecond,
      ratio: row.ratio,
      loginPerCpuSecond: row.loginPerCpuSecond,
      rawPerCpuSecond: row.rawPerCpuSecond,
      cpuRatio: row.cpuRatio,
      notOk: row.notOk,
      fromSection1: true,
    });
  }

  log('peers: Better Auth email sign-in against its raw verifies');
  const betterAuth = await pool.start(spawnTarget({ name: 'better-auth' }));
  const bodies = betterAuth.fixtures?.signInBodies ?? [];
  const signIn: BenchRequest = {
    method: 'POST',
    url: `${betterAuth.url}/api/auth/sign-in/email`,
    // A browser's sign-in carries its Origin; Better Auth refuses a POST without one (403).
    headers: { 'content-type': 'application/json', origin: betterAuth.url },
    body: bodies[0] ?? '{}',
    bodies,
  };
  const rawScrypt = await pool.start(spawnTarget({ name: 'raw-better-auth' }));
  overhead.push(await passwordOverhead(`Better Auth, \`POST /api/auth/sign-in/email\` (${bodies.length} users)`, betterAuth, signIn, rawScrypt, s));
  await pool.stop(rawScrypt);
  await pool.stop(betterAuth);

  results.peers.push({
    oidcProviderVersion: oidcFixtures.version ?? 'unknown',
    betterAuthVersion: betterAuth.fixtures?.version ?? 'unknown',
    paths,
    overhead,
  });
}
