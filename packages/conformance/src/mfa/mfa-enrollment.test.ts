import { webCryptoRandom, type CoreDeps, type OAuthRoConfig } from '@oauth-ro/core';
import { base32Decode, beginMfaEnrollment, confirmMfaEnrollment, deleteMfaEnrollment, hashRecoveryCode, listMfaEnrollments, MFA_FAILURE_LIMIT, prepareMfa, regenerateRecoveryCode, resetUserMfa, totpCode, totpStep, type HandlerContext } from '@oauth-ro/core/internal';
import { createMemoryStores } from '@oauth-ro/store-memory';
import { describe, expect, it } from 'vitest';
import { makeUserRecord } from '../store-suite/fixtures.js';

const T0 = 1_700_000_000_000;
const config = { issuer: 'https://login.example.com/', clients: [], connections: [] } as unknown as OAuthRoConfig;

async function setUp() {
  let now = T0;
  const stores = createMemoryStores();
  const deps = { ...stores, hasher: undefined, clock: { now: () => now }, random: webCryptoRandom } as unknown as CoreDeps;
  const mfa = await prepareMfa(config, deps, new Uint8Array(32).fill(7));
  const ctx = { deps, mfa } as unknown as HandlerContext;
  const user = makeUserRecord();
  await stores.users.create(user);
  return { ctx, stores, user, advance: (ms: number) => (now += ms), now: () => now };
}

const codeAt = async (secret_base32: string, at: number) => totpCode(base32Decode(secret_base32)!, totpStep(at));

describe('MFA enrolment (core/src/mfa/enrollment.ts)', () => {
  it('begins a pending enrolment with a sealed secret and an otpauth URI, and confirms it with a code', async () => {
    const { ctx, stores, user, now } = await setUp();
    const begun = await beginMfaEnrollment(ctx, user.user_id, { name: 'Phone' });
    if (!begun.ok) throw new Error(begun.error.code);
    const { enrollment, secret_base32, otpauth_uri } = begun.value;
    expect(enrollment).toMatchObject({ user_id: user.user_id, status: 'pending', type: 'authenticator', name: 'Phone' });
    expect(enrollment.id).toMatch(/^totp\|dev_[\w-]{16}$/);
    expect(secret_base32).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrollment.sealed_secret).not.toContain(secret_base32);
    expect(otpauth_uri).toBe(`otpauth://totp/login.example.com:${encodeURIComponent(user.email!)}?secret=${secret_base32}&issuer=login.example.com&algorithm=SHA1&digits=6&period=30`);

    expect(await confirmMfaEnrollment(ctx, enrollment.id, '000000').then((r) => !r.ok && r.error.code)).toBe('mfa_invalid_code');
    const confirmed = await confirmMfaEnrollment(ctx, enrollment.id, await codeAt(secret_base32, now()));
    if (!confirmed.ok) throw new Error(confirmed.error.code);
    expect(confirmed.value.recovery_code).toMatch(/^[A-Z2-9]{24}$/);
    const stored = await stores.mfaEnrollments.get(enrollment.id);
    expect(stored).toMatchObject({ status: 'confirmed', recovery_code_hash: await hashRecoveryCode(confirmed.value.recovery_code) });
    expect(await confirmMfaEnrollment(ctx, enrollment.id, await codeAt(secret_base32, now())).then((r) => !r.ok && r.error.code)).toBe('mfa_enrollment_not_found');
    expect(await listMfaEnrollments(ctx, user.user_id)).toEqual([
      { id: enrollment.id, status: 'confirmed', type: 'authenticator', auth_method: 'authenticator', name: 'Phone', enrolled_at: new Date(T0).toISOString() },
    ]);
  });

  it('refuses a code of the step already used to confirm (replay) and one two steps old', async () => {
    const { ctx, user, now, advance } = await setUp();
    const first = await beginMfaEnrollment(ctx, user.user_id);
    if (!first.ok) throw new Error('begin');
    const old = await codeAt(first.value.secret_base32, now() - 60_000);
    expect((await confirmMfaEnrollment(ctx, first.value.enrollment.id, old)).ok).toBe(false);
    advance(1);
    const accepted = await confirmMfaEnrollment(ctx, first.value.enrollment.id, await codeAt(first.value.secret_base32, now() - 30_000));
    expect(accepted.ok).toBe(true);
  });

  it('gives one success to parallel confirmations with one code', async () => {
    const { ctx, user, now } = await setUp();
    const begun = await beginMfaEnrollment(ctx, user.user_id);
    if (!begun.ok) throw new Error('begin');
    const code = await codeAt(begun.value.secret_base32, now());
    const results = await Promise.all(Array.from({ length: 10 }, () => confirmMfaEnrollment(ctx, begun.value.enrollment.id, code)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it(`blocks guessing after ${MFA_FAILURE_LIMIT} wrong codes, also for the right code, with Retry-After`, async () => {
    const { ctx, user, now } = await setUp();
    const begun = await beginMfaEnrollment(ctx, user.user_id);
    if (!begun.ok) throw new Error('begin');
    const guesses = await Promise.all(Array.from({ length: MFA_FAILURE_LIMIT + 5 }, (_, i) => confirmMfaEnrollment(ctx, begun.value.enrollment.id, String(100000 + i))));
    const codes = guesses.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'mfa_invalid_code')).toHaveLength(MFA_FAILURE_LIMIT);
    expect(codes.filter((c) => c === 'too_many_attempts')).toHaveLength(5);
    const right = await confirmMfaEnrollment(ctx, begun.value.enrollment.id, await codeAt(begun.value.secret_base32, now()));
    expect(!right.ok && right.error).toMatchObject({ code: 'too_many_attempts', retryAfter: 3600 });
  });

  it('regenerates the recovery code, deletes one enrolment, resets a user', async () => {
    const { ctx, stores, user, now } = await setUp();
    expect(await regenerateRecoveryCode(ctx, user.user_id).then((r) => !r.ok && r.error.code)).toBe('mfa_enrollment_not_found');
    const begun = await beginMfaEnrollment(ctx, user.user_id);
    if (!begun.ok) throw new Error('begin');
    const confirmed = await confirmMfaEnrollment(ctx, begun.value.enrollment.id, await codeAt(begun.value.secret_base32, now()));
    if (!confirmed.ok) throw new Error('confirm');
    const fresh = await regenerateRecoveryCode(ctx, user.user_id);
    if (!fresh.ok) throw new Error('regenerate');
    expect(fresh.value.recovery_code).not.toBe(confirmed.value.recovery_code);
    expect((await stores.mfaEnrollments.get(begun.value.enrollment.id))?.recovery_code_hash).toBe(await hashRecoveryCode(fresh.value.recovery_code));
    const pending = await beginMfaEnrollment(ctx, user.user_id);
    expect(pending.ok).toBe(true);
    expect(await deleteMfaEnrollment(ctx, begun.value.enrollment.id)).toBe(true);
    expect(await deleteMfaEnrollment(ctx, begun.value.enrollment.id)).toBe(false);
    expect(await resetUserMfa(ctx, user.user_id)).toBe(1);
    expect(await listMfaEnrollments(ctx, user.user_id)).toEqual([]);
  });

  it('refuses an unknown user, and answers 503 when MFA is not configured', async () => {
    const { ctx } = await setUp();
    expect(await beginMfaEnrollment(ctx, 'auth0|nobody').then((r) => !r.ok && r.error.code)).toBe('user_not_found');
    const bare = { deps: ctx.deps } as HandlerContext;
    expect(await beginMfaEnrollment(bare, 'auth0|nobody').then((r) => !r.ok && r.error.code)).toBe('temporarily_unavailable');
  });
});
