import { createArgon2Hasher, OWASP_ARGON2ID } from '@oauth-ro/argon2';
import { createOAuthRo, normalizeConfig, systemClock, webCryptoRandom, type CoreDeps, type OAuthRo } from '@oauth-ro/core';
import { createBareWork, type BareWork } from './bare-work.js';
import { BENCH, BENCH_LEGACY_LOGIN, BENCH_RULE, benchConfig, benchLoginBody, benchUserEmail, benchUserId } from './bench-config.js';
import { openBenchStores } from './open-bench-stores.js';
import { BENCH_LOGIN_USERS, type BenchFixtures, type TargetSpec } from './protocol.js';

/** An oauth-ro instance with its bench user, the requests to send, and the bare baseline's work. */
export interface BenchOAuthRo {
  readonly oauthRo: OAuthRo;
  readonly fixtures: BenchFixtures;
  readonly bare: BareWork;
  /** Releases the stores. */
  close(): Promise<void>;
}

/**
 * Builds oauth-ro as a deployment would: OWASP argon2id (`createArgon2Hasher()`'s default), RS256
 * keys generated at start, one database user, in memory or in PostgreSQL (`spec.store`). The tokens for the non-hashing paths come from a real
 * login through `handle`.
 *
 * @example const { oauthRo, fixtures } = await createBenchOAuthRo({ name: 'fastify' });
 */
export async function createBenchOAuthRo(spec: TargetSpec): Promise<BenchOAuthRo> {
  const stores = await openBenchStores(spec.store ?? 'memory');
  const hasher = spec.hasherLimits
    ? await createArgon2Hasher(OWASP_ARGON2ID, spec.hasherLimits)
    : await createArgon2Hasher();
  const now = new Date().toISOString();
  const password_hash = await hasher.hash(BENCH.password);
  const profile = { email_verified: true, name: 'Bench User', nickname: 'bench' };
  /** A database user with the bench profile and (unless given) the bench password's argon2id hash. */
  const addUser = (user: { user_id: string; email: string; connection?: string; blocked?: boolean; password_hash?: string }) =>
    stores.deps.users.create({
      connection: BENCH.connection,
      strategy: 'auth0',
      password_hash,
      blocked: false,
      profile,
      created_at: now,
      updated_at: now,
      ...user,
    });
  await addUser({ user_id: BENCH.userId, email: BENCH.email });
  // The login runs' many users (more for TargetSpec.users): same password (and so the same hash), each its own account.
  for (let i = 0; i < Math.max(BENCH_LOGIN_USERS, spec.users ?? 0); i += 1) await addUser({ user_id: benchUserId(i), email: benchUserEmail(i) });
  // The timing run's "blocked by an administrator" class.
  await addUser({ user_id: BENCH.blockedUserId, email: BENCH.blockedEmail, blocked: true });
  // Already migrated by an earlier login: stored locally with its argon2id hash.
  if (spec.customDatabase) await addUser({ user_id: BENCH.legacyUserId, email: BENCH.email, connection: BENCH.legacyConnection });
  // The timing run's "bcrypt user" class; only ever answered a wrong password, so its hash stays bcrypt.
  if (spec.legacyUser) await addUser({ user_id: BENCH.bcryptUserId, email: BENCH.bcryptEmail, password_hash: BENCH.bcryptHash });
  const extensibility = await benchExtensibility(spec);
  const deps = { ...stores.deps, hasher, clock: systemClock, random: webCryptoRandom, ...extensibility.deps };
  const unprotected = spec.bruteForceProtection === false;
  const oauthRo = await createOAuthRo({
    config: normalizeConfig(benchConfig({ ...(unprotected ? { bruteForceProtection: false } : {}), ...(spec.customDatabase ? { customDatabase: true } : {}) })),
    deps,
    // Unprotected targets take hundreds of failed logins from 127.0.0.1 (the timing run): no per-IP throttle either.
    ...(unprotected ? { ipLimits: { failedLoginsPerIp: Number.MAX_SAFE_INTEGER } } : {}),
  });

  const loginBody = benchLoginBody();
  // One login with offline_access and a device, for a refresh token; the benchmarked login has neither.
  const login = await oauthRo.handle({
    method: 'POST',
    path: '/oauth/ro',
    headers: { 'content-type': 'application/json' },
    rawBody: JSON.stringify({ ...loginBody, scope: 'openid offline_access', device: BENCH.device }),
    ip: '127.0.0.1',
  });
  if (login.status !== 200) throw new Error(`bench login failed: ${login.status} ${login.body}`);
  const tokens = JSON.parse(login.body) as { access_token: string; id_token: string; refresh_token?: string };

  const bare = await createBareWork(BENCH.issuer, BENCH.clientId, oauthRo.jwks());
  return {
    oauthRo,
    bare,
    close: async () => {
      await extensibility.close();
      await stores.close();
    },
    fixtures: {
      issuer: BENCH.issuer,
      loginBody,
      loginBodies: Array.from({ length: BENCH_LOGIN_USERS }, (_, i) => ({ ...loginBody, username: benchUserEmail(i) })),
      accessToken: tokens.access_token,
      idToken: tokens.id_token,
      ...(tokens.refresh_token === undefined ? {} : { refreshToken: tokens.refresh_token }),
      clientCredentials: {
        body: new URLSearchParams({ grant_type: 'client_credentials', audience: BENCH.api }).toString(),
        authorization: `Basic ${Buffer.from(`${BENCH.m2mClientId}:${BENCH.m2mClientSecret}`).toString('base64')}`,
      },
    },
  };
}

/** The script runner behind `postLoginRule` / `customDatabase`, started only when a spec asks for it. */
async function benchExtensibility(spec: TargetSpec): Promise<{ deps: Partial<Pick<CoreDeps, 'hooks' | 'customDatabases'>>; close(): Promise<void> }> {
  if (!spec.postLoginRule && !spec.customDatabase) return { deps: {}, close: async () => {} };
  const { auth0CustomDatabase, auth0Hooks, createScriptRunner } = await import('@oauth-ro/scripts');
  const runner = createScriptRunner({ size: 2 });
  if (!(await runner.ready())) throw new Error('the script runner did not start');
  return {
    deps: {
      ...(spec.postLoginRule ? { hooks: auth0Hooks(runner, { rules: [{ name: 'roles claim', script: BENCH_RULE }] }) } : {}),
      ...(spec.customDatabase
        ? { customDatabases: { [BENCH.legacyConnection]: auth0CustomDatabase(runner, { connection: BENCH.legacyConnection, scripts: { login: BENCH_LEGACY_LOGIN } }) } }
        : {}),
    },
    close: () => runner.close(),
  };
}
