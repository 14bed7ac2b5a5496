import { describe, expect, it } from 'vitest';
import type { ConnectionConfig } from '../config/types.js';
import type { CounterStore } from '../ports/counter-store.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { UserRecord } from '../ports/user-store.js';
import { oauthError } from '../errors/oauth-error.js';
import { err, ok } from '../util/result.js';
import { webCryptoRandom } from '../ports/random.js';
import { DEFAULT_IP_LIMITS } from './ip-limits.js';
import { guardPasswordAttempt } from './guard-password-attempt.js';

/** A faithful in-test counter (atomic: JavaScript runs each call to completion). */
function counters(): CounterStore {
  const map = new Map<string, { count: number; resets_at: number }>();
  const slots = new Map<string, Map<string, number>>();
  return {
    async increment(key, window_ms, at) {
      const cur = map.get(key);
      const next = cur && cur.resets_at > at ? { count: cur.count + 1, resets_at: cur.resets_at } : { count: 1, resets_at: at + window_ms };
      map.set(key, next);
      return next;
    },
    async get(key, at) {
      const cur = map.get(key);
      return cur && cur.resets_at > at ? cur.count : 0;
    },
    async reset(key) {
      return map.delete(key);
    },
    async release(key) {
      const cur = map.get(key);
      if (cur && cur.count > 0) map.set(key, { ...cur, count: cur.count - 1 });
    },
    async acquire(key, slot, limit, lease_ms, at) {
      const cur = map.get(key);
      const failures = cur && cur.resets_at > at ? cur.count : 0;
      if (failures >= limit) return { granted: false, reason: 'blocked', resets_at: cur!.resets_at };
      const mine = [...(slots.get(key) ?? new Map<string, number>())].filter(([, until]) => until > at);
      if (failures + mine.length >= limit) return { granted: false, reason: 'busy' };
      slots.set(key, new Map([...mine, [slot, at + lease_ms]]));
      return { granted: true };
    },
    async settle(key, slot, outcome, window_ms, at) {
      slots.get(key)?.delete(slot);
      if (outcome === 'failure') await this.increment(key, window_ms, at);
      if (outcome === 'success') map.delete(key);
    },
    async list(prefix, at) {
      return [...map].filter(([k, v]) => k.startsWith(prefix) && v.resets_at > at).map(([key, v]) => ({ key, ...v }));
    },
  };
}

const connection: ConnectionConfig = { name: 'db', strategy: 'auth0', enabled_clients: [], options: { brute_force_limit: 3 } };
const user = { user_id: 'auth0|1' } as UserRecord;
const wrong = async () => err(oauthError('invalid_user_password'));
const right = async () => ok(user);

describe('guardPasswordAttempt', () => {
  const deps = () => ({ counters: counters(), clock: { now: () => 1_000 }, random: webCryptoRandom });

  it('blocks after `limit` consecutive failures, even the right password, per identifier and IP', async () => {
    const d = deps();
    for (let i = 0; i < 3; i++) expect((await guardPasswordAttempt(d, connection, 'A@x.io', '1.1.1.1', wrong)).ok).toBe(false);
    const blocked = await guardPasswordAttempt(d, connection, 'a@x.io', '1.1.1.1', right);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'too_many_attempts' } });
    expect((await guardPasswordAttempt(d, connection, 'a@x.io', '2.2.2.2', right)).ok).toBe(true);
  });

  it("does not count an administrator-blocked user's right password, so the unblock is not followed by a 429", async () => {
    const d = deps();
    const blockedUser = async () => err(oauthError('unauthorized', 'user is blocked'));
    for (let i = 0; i < 5; i++) {
      expect(await guardPasswordAttempt(d, connection, 'a@x.io', 'ip', blockedUser)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect((await guardPasswordAttempt(d, connection, 'a@x.io', 'ip', right)).ok).toBe(true);
  });

  it('clears the count on success', async () => {
    const d = deps();
    for (let i = 0; i < 2; i++) await guardPasswordAttempt(d, connection, 'a@x.io', 'ip', wrong);
    expect((await guardPasswordAttempt(d, connection, 'a@x.io', 'ip', right)).ok).toBe(true);
    for (let i = 0; i < 3; i++) expect((await guardPasswordAttempt(d, connection, 'a@x.io', 'ip', wrong)).ok).toBe(false);
  });

  it('lets at most `limit` checks run when 50 tries race', async () => {
    const d = deps();
    let checks = 0;
    const slowWrong = async () => {
      checks += 1;
      await new Promise((r) => setTimeout(r, 1));
      return err(oauthError('invalid_user_password'));
    };
    await Promise.all(Array.from({ length: 50 }, () => guardPasswordAttempt(d, connection, 'a@x.io', 'ip', slowWrong)));
    expect(checks).toBe(3);
  });

  it('gives back attempts that could not be judged (503 or a throw)', async () => {
    const d = deps();
    const unavailable = async () => err(oauthError('temporarily_unavailable'));
    const throws = async (): Promise<never> => {
      throw new Error('database away');
    };
    for (let i = 0; i < 10; i++) {
      await guardPasswordAttempt(d, connection, 'a@x.io', 'ip', unavailable);
      await guardPasswordAttempt(d, connection, 'a@x.io', 'ip', throws).catch(() => {});
    }
    expect((await guardPasswordAttempt(d, connection, 'a@x.io', 'ip', right)).ok).toBe(true);
  });

  it('counts nothing when the connection turns protection off', async () => {
    const d = deps();
    const off = { ...connection, options: { brute_force_protection: false, brute_force_limit: 1 } };
    for (let i = 0; i < 5; i++) await guardPasswordAttempt(d, off, 'a@x.io', 'ip', wrong);
    expect((await guardPasswordAttempt(d, off, 'a@x.io', 'ip', right)).ok).toBe(true);
  });

  it('never refuses a right password because other attempts are in flight: 20 at once under a limit of 3', async () => {
    const d = deps();
    const slowRight = async () => {
      await new Promise((r) => setTimeout(r, 2));
      return ok(user);
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => guardPasswordAttempt(d, connection, 'a@x.io', 'ip', slowRight)));
    expect(results.every((r) => r.ok)).toBe(true);
  });

  it('answers 503 at once, instead of waiting for a slot, while the hasher is in overload', async () => {
    let overloaded = true;
    const d = { ...deps(), hasher: { overloaded: () => overloaded } as unknown as PasswordHasher };
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const gated = async () => {
      await gate;
      return ok(user);
    };
    // Three attempts in flight fill the user's limit of 3.
    const held = Array.from({ length: 3 }, () => guardPasswordAttempt(d, connection, 'a@x.io', 'ip', gated));
    const refused = await guardPasswordAttempt(d, connection, 'a@x.io', 'ip', right);
    expect(refused).toMatchObject({ ok: false, error: { code: 'temporarily_unavailable', retryAfter: 1 } });
    // Out of overload, the same attempt waits for a slot and is judged.
    overloaded = false;
    const waiting = guardPasswordAttempt(d, connection, 'a@x.io', 'ip', right);
    open();
    expect((await waiting).ok).toBe(true);
    expect((await Promise.all(held)).every((r) => r.ok)).toBe(true);
  });

  it('judges at most the per-IP limit of 150 wrong tries for different users racing from one IP', async () => {
    const d = deps();
    let checks = 0;
    const slowWrong = async () => {
      checks += 1;
      await new Promise((r) => setTimeout(r, 1));
      return err(oauthError('invalid_user_password'));
    };
    const limits = { ...DEFAULT_IP_LIMITS, failedLoginsPerIp: 7 };
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => guardPasswordAttempt(d, connection, `u${i}@x.io`, '2001:db8::1', slowWrong, limits)),
    );
    expect(checks).toBe(7);
    expect(results.filter((r) => !r.ok && r.error.code === 'too_many_requests')).toHaveLength(143);
    // another address of the same /64 is the same network
    expect(await guardPasswordAttempt(d, connection, 'v@x.io', '2001:db8::2', right, limits)).toMatchObject({ ok: false, error: { code: 'too_many_requests' } });
  });
});
