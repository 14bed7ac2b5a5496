import type { Clock } from '@oauth-ro/core';
import { pruneExpired } from '@oauth-ro/core/admin';
import { createMemoryStores } from '@oauth-ro/store-memory';
import { describe, expect, it } from 'vitest';
import { makeRefreshTokenRecord } from '@oauth-ro/conformance';

const NOW = 1_800_000_000_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const clock: Clock = { now: () => NOW };
const hash = (n: number) => n.toString(16).padStart(64, 'b');

describe('pruneExpired over memory stores (fake clock)', () => {
  it('deletes refresh tokens expired or revoked over 7 days ago, and keeps every other one, rotated ones of live families included', async () => {
    const stores = createMemoryStores();
    const tokens = stores.refreshTokens;
    const expiredLongAgo = makeRefreshTokenRecord({ expires_at: NOW - 8 * DAY });
    const expiredRecently = makeRefreshTokenRecord({ expires_at: NOW - 6 * DAY });
    const revokedLongAgo = makeRefreshTokenRecord({ revoked_at: NOW - 8 * DAY });
    const revokedRecently = makeRefreshTokenRecord({ revoked_at: NOW - HOUR });
    const neverExpiring = makeRefreshTokenRecord({ created_at: NOW - 400 * DAY });
    // A rotating, non-expiring family whose first token was rotated a year ago.
    const rotatedLongAgo = makeRefreshTokenRecord({ rotating: true, created_at: NOW - 366 * DAY, rotated_at: NOW - 365 * DAY });
    const successor = makeRefreshTokenRecord({ rotating: true, family_id: rotatedLongAgo.family_id, user_id: rotatedLongAgo.user_id });
    for (const r of [expiredLongAgo, expiredRecently, revokedLongAgo, revokedRecently, neverExpiring, rotatedLongAgo, successor]) await tokens.create(r);

    const report = await pruneExpired({ clock, refreshTokens: tokens });

    expect(report).toEqual({ pruned: { refreshTokens: 2 }, failed: [] });
    expect(await tokens.findByHash(expiredLongAgo.token_hash)).toBeUndefined();
    expect(await tokens.findByHash(revokedLongAgo.token_hash)).toBeUndefined();
    for (const kept of [expiredRecently, revokedRecently, neverExpiring, rotatedLongAgo, successor]) {
      expect(await tokens.findByHash(kept.token_hash), kept.id).toBeDefined();
    }
    // Reuse detection still works after pruning: the old rotated token revokes its family.
    const reuse = await tokens.use(rotatedLongAgo.token_hash, rotatedLongAgo.client_id, NOW, {
      successor: { id: 'rt-next', token_hash: hash(1), created_at: NOW },
      leeway_ms: 10_000,
    });
    expect(reuse.outcome).toBe('reused');
    expect((await tokens.findByHash(successor.token_hash))?.revoked_at).toBe(NOW);
  });

  it('deletes codes, counters and assertion markers that ended over an hour ago, and keeps the rest', async () => {
    const { codes, counters, usedAssertions } = createMemoryStores();
    const code = (expires_at: number, n: number) => ({ code_hash: hash(n), expires_at, max_attempts: 3 });
    await codes.issue('sms', '+15550100001', code(NOW - 2 * HOUR, 1));
    await codes.issue('sms', '+15550100002', code(NOW - 30 * 60_000, 2));
    await codes.issue('sms', '+15550100003', code(NOW + 60_000, 3));
    await counters.increment('t:ended-long-ago', 60_000, NOW - 2 * HOUR - 60_000);
    await counters.increment('t:ended-recently', 60_000, NOW - 11 * 60_000);
    await counters.increment('t:live', 60_000, NOW);
    await usedAssertions.markUsed('a:old', NOW - 2 * HOUR, NOW - 3 * HOUR);
    await usedAssertions.markUsed('a:recent', NOW - 10 * 60_000, NOW - 3 * HOUR);

    const report = await pruneExpired({ clock, codes, counters, usedAssertions });

    expect(report).toEqual({ pruned: { codes: 1, counters: 1, usedAssertions: 1 }, failed: [] });
    expect(await codes.revoke('sms', '+15550100001', hash(1))).toBe(false);
    expect(await codes.revoke('sms', '+15550100002', hash(2))).toBe(true);
    expect(await codes.revoke('sms', '+15550100003', hash(3))).toBe(true);
    expect((await counters.list('t:', 0)).map((e) => e.key).sort()).toEqual(['t:ended-recently', 't:live']);
    // As of three hours ago both markers were live: only the deleted one can be marked again.
    expect(await usedAssertions.markUsed('a:old', NOW, NOW - 3 * HOUR)).toBe(true);
    expect(await usedAssertions.markUsed('a:recent', NOW, NOW - 3 * HOUR)).toBe(false);
  });

  it('runs twice, or twice at once, without deleting anything twice', async () => {
    const stores = createMemoryStores();
    for (let i = 0; i < 20; i += 1) await stores.refreshTokens.create(makeRefreshTokenRecord({ revoked_at: NOW - 30 * DAY }));
    for (let i = 0; i < 20; i += 1) await stores.counters.increment(`c:${i}`, 1000, NOW - DAY);
    const deps = { clock, ...stores };
    const [a, b] = await Promise.all([pruneExpired(deps), pruneExpired(deps)]);
    expect((a.pruned.refreshTokens ?? 0) + (b.pruned.refreshTokens ?? 0)).toBe(20);
    expect((a.pruned.counters ?? 0) + (b.pruned.counters ?? 0)).toBe(20);
    expect(await pruneExpired(deps)).toEqual({ pruned: { refreshTokens: 0, codes: 0, counters: 0, usedAssertions: 0, tickets: 0, mfaEnrollments: 0 }, failed: [] });
  });

  it('deletes MFA enrolments left pending over 7 days, and keeps recent pending and every confirmed one', async () => {
    const { mfaEnrollments } = createMemoryStores();
    const enrolment = (id: string, user_id: string, created_at: number) => ({ id, user_id, type: 'authenticator' as const, status: 'pending' as const, sealed_secret: 'sealed', created_at });
    await mfaEnrollments.put(enrolment('totp|dev_old', 'auth0|a', NOW - 8 * DAY));
    await mfaEnrollments.put(enrolment('totp|dev_recent', 'auth0|b', NOW - 6 * DAY));
    await mfaEnrollments.put(enrolment('totp|dev_confirmed', 'auth0|c', NOW - 400 * DAY));
    expect(await mfaEnrollments.confirm('totp|dev_confirmed', NOW - 399 * DAY, 'f'.repeat(64))).toBe(true);

    const report = await pruneExpired({ clock, mfaEnrollments });

    expect(report).toEqual({ pruned: { mfaEnrollments: 1 }, failed: [] });
    expect(await mfaEnrollments.get('totp|dev_old')).toBeUndefined();
    expect(await mfaEnrollments.get('totp|dev_recent')).toBeDefined();
    expect((await mfaEnrollments.get('totp|dev_confirmed'))?.status).toBe('confirmed');
    expect((await pruneExpired({ clock, mfaEnrollments }, { pendingEnrollmentRetentionMs: 5 * DAY })).pruned).toEqual({ mfaEnrollments: 1 });
  });

  it('honours the retention options', async () => {
    const { refreshTokens, codes } = createMemoryStores();
    await refreshTokens.create(makeRefreshTokenRecord({ revoked_at: NOW - 2 * DAY }));
    await codes.issue('sms', '+15550100009', { code_hash: hash(9), expires_at: NOW - 2 * 60_000, max_attempts: 3 });
    expect((await pruneExpired({ clock, refreshTokens, codes })).pruned).toEqual({ refreshTokens: 0, codes: 0 });
    expect((await pruneExpired({ clock, refreshTokens, codes }, { refreshTokenRetentionMs: DAY, graceMs: 60_000 })).pruned).toEqual({
      refreshTokens: 1,
      codes: 1,
    });
  });

  it('reports a store that fails and still sweeps the others; leaves out stores that cannot prune', async () => {
    const { codes, counters, usedAssertions } = createMemoryStores();
    await codes.issue('sms', '+15550100010', { code_hash: hash(10), expires_at: NOW - DAY, max_attempts: 3 });
    const failing = Object.assign(Object.create(counters) as typeof counters, {
      prune: () => Promise.reject(new Error('database unavailable')),
    });
    const withoutPrune = { markUsed: usedAssertions.markUsed.bind(usedAssertions) };
    const report = await pruneExpired({ clock, codes, counters: failing, usedAssertions: withoutPrune });
    expect(report).toEqual({ pruned: { codes: 1 }, failed: [{ store: 'counters', message: 'database unavailable' }] });
  });
});
