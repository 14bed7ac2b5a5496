import {
  createOAuthRo,
  normalizeConfig,
  webCryptoRandom,
  type AuditEvent,
  type CoreDeps,
  type OAuthRoConfig,
} from '@oauth-ro/core';
import type { UserRecord } from '@oauth-ro/core/ports';
import {
  deleteUser,
  listBruteForceBlocks,
  listUserBlocks,
  setUserBlocked,
  setUserPassword,
  unblockIdentifier,
  unblockUser,
} from '@oauth-ro/core/admin';
import { bruteForceKey } from '@oauth-ro/core/internal';
import { createMemoryStores } from '@oauth-ro/store-memory';
import { beforeEach, describe, expect, it } from 'vitest';
import { testHasher } from '@oauth-ro/conformance';
import { TEST_ADMIN_TOKEN, testConfig } from '@oauth-ro/conformance';

const T0 = 1_767_225_600_000;
const DB = 'Username-Password-Authentication';
const STRICT = 'db-strict';
const OFF = 'db-unprotected';

const config: OAuthRoConfig = normalizeConfig(
  testConfig({
    connections: [
      { name: STRICT, strategy: 'auth0', enabled_clients: [], options: { brute_force_limit: 3, brute_force_window_seconds: 60 } },
      { name: OFF, strategy: 'auth0', enabled_clients: [], options: { brute_force_protection: false } },
    ],
  }),
);

let deps: CoreDeps;
let events: AuditEvent[];
let now: number;

beforeEach(async () => {
  const stores = createMemoryStores();
  events = [];
  now = T0;
  deps = {
    ...stores,
    hasher: await testHasher(),
    clock: { now: () => now },
    random: webCryptoRandom,
    audit: { emit: (e) => events.push(e) },
  };
});

/** Counts `n` failures of `identifier` from `ip` on `connection`, as guardPasswordAttempt would. */
async function fail(connection: string, identifier: string, ip: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await deps.counters!.increment(bruteForceKey(connection, identifier, ip), 60_000, now);
}

async function addUser(overrides: Partial<UserRecord> = {}): Promise<UserRecord> {
  const at = new Date(now).toISOString();
  const user: UserRecord = {
    user_id: `auth0|${Math.random().toString(16).slice(2)}`,
    connection: DB,
    strategy: 'auth0',
    email: 'alice@example.com',
    username: 'alice',
    password_hash: await deps.hasher.hash('Correct-Horse-9'),
    blocked: false,
    profile: {},
    created_at: at,
    updated_at: at,
    ...overrides,
  };
  await deps.users.create(user);
  return user;
}

describe('listBruteForceBlocks', () => {
  it("lists counts that reached their connection's limit, not those below it nor on unprotected connections", async () => {
    await fail(DB, 'alice@example.com', '2001:db8::1', 10);
    await fail(DB, 'bob@example.com', '203.0.113.9', 9);
    await fail(STRICT, 'carol', '::ffff:127.0.0.1', 3);
    await fail(OFF, 'dave', '203.0.113.9', 50);
    expect(await listBruteForceBlocks(deps, config)).toEqual([
      // IPs are counted per network: an IPv6 /64, every loopback address as one.
      { connection: DB, identifier: 'alice@example.com', ip: '2001:db8:0:0::/64', count: 10, resets_at: T0 + 60_000 },
      { connection: STRICT, identifier: 'carol', ip: 'loopback', count: 3, resets_at: T0 + 60_000 },
    ]);
  });

  it('filters by identifier (normalised) and connection, and forgets windows that ended', async () => {
    await fail(DB, 'alice@example.com', '198.51.100.1', 10);
    await fail(DB, 'alice@example.com', '198.51.100.2', 10);
    await fail(STRICT, 'alice@example.com', '198.51.100.1', 3);
    await fail(DB, 'alice@example.co', '198.51.100.1', 10);
    expect((await listBruteForceBlocks(deps, config, { identifier: ' ALICE@example.com' })).map((b) => `${b.connection} ${b.ip}`)).toEqual([
      `${DB} 198.51.100.1`,
      `${DB} 198.51.100.2`,
      `${STRICT} 198.51.100.1`,
    ]);
    expect(await listBruteForceBlocks(deps, config, { identifier: 'alice@example.com', connection: STRICT })).toHaveLength(1);
    now = T0 + 60_000;
    expect(await listBruteForceBlocks(deps, config)).toEqual([]);
  });

  it('has nothing to list without a counter store', async () => {
    const { counters: _, ...withoutCounters } = deps;
    expect(await listBruteForceBlocks(withoutCounters, config)).toEqual([]);
  });
});

describe('unblockIdentifier and unblockUser', () => {
  it('clears every count of the identifier, and audits each block released as ublkdu, without secrets', async () => {
    await fail(DB, 'alice@example.com', '198.51.100.1', 10);
    await fail(DB, 'alice@example.com', '198.51.100.2', 4);
    await fail(DB, 'bob@example.com', '198.51.100.1', 10);
    const released = await unblockIdentifier(deps, config, 'Alice@Example.com');
    expect(released.map((b) => b.ip)).toEqual(['198.51.100.1']);
    expect(await deps.counters!.get(bruteForceKey(DB, 'alice@example.com', '198.51.100.2'), now)).toBe(0);
    expect(await listBruteForceBlocks(deps, config)).toMatchObject([{ identifier: 'bob@example.com' }]);
    expect(events).toEqual([
      expect.objectContaining({ type: 'ublkdu', connection: DB, user_name: 'alice@example.com', ip: '198.51.100.1', details: { reason: 'admin' } }),
    ]);
  });

  it("releases a user's blocks on its email and username, on its own connection only", async () => {
    const user = await addUser();
    await fail(DB, 'alice@example.com', '198.51.100.1', 10);
    await fail(DB, 'alice', '198.51.100.2', 10);
    await fail(STRICT, 'alice', '198.51.100.2', 3);
    const listed = await listUserBlocks(deps, config, user.user_id);
    expect(listed.ok && listed.value.map((b) => `${b.connection} ${b.identifier}`).sort()).toEqual([`${DB} alice`, `${DB} alice@example.com`]);
    const released = await unblockUser(deps, config, user.user_id);
    expect(released.ok && released.value.length).toBe(2);
    expect(events.every((e) => e.type === 'ublkdu' && e.user_id === user.user_id)).toBe(true);
    expect(await listBruteForceBlocks(deps, config)).toMatchObject([{ connection: STRICT }]);
  });

  it('answers user_not_found for an unknown user', async () => {
    expect(await unblockUser(deps, config, 'auth0|nobody')).toMatchObject({ ok: false, error: { code: 'user_not_found' } });
    expect(await listUserBlocks(deps, config, 'auth0|nobody')).toMatchObject({ ok: false, error: { code: 'user_not_found' } });
    expect(await setUserBlocked(deps, 'auth0|nobody', true)).toMatchObject({ ok: false, error: { code: 'user_not_found' } });
  });
});

describe('setUserPassword', () => {
  it('hashes a password the policy accepts, releases the blocks (ublkdu, password_change) and keeps the password out of events', async () => {
    const user = await addUser();
    await fail(DB, 'alice', '198.51.100.1', 10);
    const changed = await setUserPassword(deps, config, user.user_id, 'N3w-Correct-Horse');
    expect(changed.ok).toBe(true);
    const stored = await deps.users.findById(user.user_id);
    expect(await deps.hasher.verify(stored!.password_hash!, 'N3w-Correct-Horse')).toBe(true);
    expect(await deps.hasher.verify(stored!.password_hash!, 'Correct-Horse-9')).toBe(false);
    expect(await listBruteForceBlocks(deps, config)).toEqual([]);
    expect(events).toMatchObject([{ type: 'ublkdu', details: { reason: 'password_change' } }]);
    expect(JSON.stringify(events)).not.toContain('N3w-Correct-Horse');
  });

  it('refuses a weak password and a user without a password here, changing nothing', async () => {
    const user = await addUser();
    expect(await setUserPassword(deps, config, user.user_id, 'short')).toMatchObject({ ok: false, error: { code: 'invalid_password' } });
    const sms = await addUser({ user_id: 'sms|1', connection: 'sms', strategy: 'sms', email: undefined, username: undefined, phone_number: '+15550100001', password_hash: undefined });
    expect(await setUserPassword(deps, config, sms.user_id, 'N3w-Correct-Horse')).toMatchObject({ ok: false, error: { code: 'unsupported_operation' } });
    expect((await deps.users.findById(user.user_id))!.password_hash).toBe(user.password_hash);
  });
});

describe('deleteUser', () => {
  it('deletes the user with its device keys and refresh tokens; false for an unknown user', async () => {
    const user = await addUser();
    await deps.deviceCredentials!.create({ id: 'dcr_1', user_id: user.user_id, client_id: 'c', device_id: 'd', device_name: 'n', type: 'public_key', public_jwk: '{}', alg: 'ES256', created_at: now });
    const token = { id: 'rt_1', token_hash: 'h'.repeat(64), family_id: 'fam_1', user_id: user.user_id, client_id: 'c', device: 'd', scope: 'openid offline_access', rotating: false, created_at: now };
    await deps.refreshTokens!.create(token);
    expect(await deleteUser(deps, config, user.user_id)).toBe(true);
    expect(await deps.refreshTokens!.findByHash(token.token_hash)).toMatchObject({ revoked_at: now });
    expect(await deps.users.findById(user.user_id)).toBeUndefined();
    expect(await deps.deviceCredentials!.listByUser(user.user_id)).toEqual([]);
    expect(await deleteUser(deps, config, user.user_id)).toBe(false);
  });
});

describe('admin API audit', () => {
  it('emits sapi for done calls and fapi for refused ones, never with the admin token or a password', async () => {
    const oauthRo = await createOAuthRo({ config, deps, adminToken: TEST_ADMIN_TOKEN });
    const user = await addUser();
    const path = `/api/v2/users/${encodeURIComponent(user.user_id)}`;
    const send = (authorization: string, body: unknown) =>
      oauthRo.handle({ method: 'PATCH', path, headers: { authorization, 'content-type': 'application/json' }, rawBody: JSON.stringify(body), ip: '198.51.100.7' });
    expect((await send(`Bearer ${TEST_ADMIN_TOKEN}`, { password: 'N3w-Correct-Horse' })).status).toBe(200);
    expect((await send(`Bearer ${TEST_ADMIN_TOKEN}`, { password: 'weak' })).status).toBe(400);
    expect((await send(`Bearer ${TEST_ADMIN_TOKEN.slice(0, -1)}`, { blocked: true })).status).toBe(401);
    expect(events.map((e) => [e.type, e.details?.status])).toEqual([
      ['sapi', 200],
      ['fapi', 400],
      ['fapi', 401],
    ]);
    expect(events[0]).toMatchObject({ description: 'Update a user', user_id: user.user_id, ip: '198.51.100.7', details: { method: 'PATCH' } });
    const text = JSON.stringify(events);
    for (const secret of [TEST_ADMIN_TOKEN, TEST_ADMIN_TOKEN.slice(0, -1), 'N3w-Correct-Horse', 'weak']) expect(text).not.toContain(secret);
  });
});
