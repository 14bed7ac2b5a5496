import { describe, expect, it, vi } from 'vitest';
import type { KeyStore, SigningKeyRecord } from '../ports/key-store.js';
import { isSealedPrivateJwk } from './key-encryption.js';
import { loadKeyRing } from './key-ring.js';

/** The smallest KeyStore that behaves like the real ones, counting reads. */
function memoryKeyStore() {
  let keys: SigningKeyRecord[] = [];
  const store = {
    lists: 0,
    async list() {
      store.lists += 1;
      return [...keys];
    },
    async ensureActive(candidate: SigningKeyRecord) {
      if (!keys.some((k) => k.alg === candidate.alg && k.retired_at === undefined)) keys.push(candidate);
      return [...keys];
    },
    async rotate(candidate: SigningKeyRecord, retired_at: number) {
      keys = keys.map((k) => (k.alg === candidate.alg && k.retired_at === undefined ? { ...k, retired_at } : k));
      keys.push(candidate);
      return [...keys];
    },
    async prune(before: number) {
      const kept = keys.filter((k) => k.retired_at === undefined || k.retired_at >= before);
      const removed = keys.length - kept.length;
      keys = kept;
      return removed;
    },
  } satisfies KeyStore & { lists: number };
  return store;
}

function movingClock(start = 1_700_000_000_000) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

const HOUR = 3_600_000;

describe('loadKeyRing', () => {
  it('creates one active key per algorithm, once, however many instances start', async () => {
    const store = memoryKeyStore();
    const clock = movingClock();
    const [a, b] = await Promise.all([
      loadKeyRing(store, clock, ['RS256', 'ES256']),
      loadKeyRing(store, clock, ['RS256', 'ES256']),
    ]);
    expect((await store.list()).filter((k) => k.retired_at === undefined)).toHaveLength(2);
    await a.reload();
    await b.reload();
    expect(a.signer('RS256')!.kid).toBe(b.signer('RS256')!.kid);
    expect(a.signer('ES256')!.alg).toBe('ES256');
  });

  it('rotates: the new kid signs, the old one stays published until its tokens have expired', async () => {
    const store = memoryKeyStore();
    const clock = movingClock();
    const ring = await loadKeyRing(store, clock, ['RS256'], { maxTokenLifetimeS: 3600, refreshIntervalMs: 60_000 });
    const old = ring.signer('RS256')!.kid;
    const fresh = await ring.rotate('RS256');
    expect(ring.signer('RS256')!.kid).toBe(fresh.kid);
    expect(ring.jwks().keys.map((k) => k.kid)).toEqual([fresh.kid, old]);
    expect(ring.find(old)).toBeDefined();
    clock.t += HOUR + 60_000 + 29_000; // lifetime + refresh interval + less than the skew
    expect(ring.find(old)).toBeDefined();
    clock.t += 2_000;
    expect(ring.find(old)).toBeUndefined();
    expect(ring.jwks().keys.map((k) => k.kid)).toEqual([fresh.kid]);
    // The next rotation prunes keys no token can need any more.
    await ring.rotate('RS256');
    expect((await store.list()).map((k) => k.kid)).not.toContain(old);
  });

  it('follows another instance: an unknown kid reloads at once, at most once per interval', async () => {
    const store = memoryKeyStore();
    const clock = movingClock();
    const a = await loadKeyRing(store, clock, ['RS256']);
    const b = await loadKeyRing(store, clock, ['RS256'], { unknownKidReloadMs: 10_000 });
    const rotated = await a.rotate('RS256');
    expect(b.find(rotated.kid)).toBeUndefined();
    const reads = store.lists;
    expect((await b.resolve(rotated.kid))?.kid).toBe(rotated.kid);
    expect(store.lists).toBe(reads + 1);
    // Made-up kids cannot make it hammer the store.
    for (let i = 0; i < 5; i++) expect(await b.resolve(`made-up-${i}`)).toBeUndefined();
    expect(store.lists).toBe(reads + 1);
    clock.t += 10_000;
    await b.resolve('made-up-again');
    expect(store.lists).toBe(reads + 2);
  });

  it('follows another instance\'s rotation for signing within the refresh interval', async () => {
    const store = memoryKeyStore();
    const clock = movingClock();
    const a = await loadKeyRing(store, clock, ['RS256']);
    const b = await loadKeyRing(store, clock, ['RS256'], { refreshIntervalMs: 60_000 });
    const rotated = await a.rotate('RS256');
    expect(b.signer('RS256')!.kid).not.toBe(rotated.kid);
    clock.t += 60_000;
    b.signer('RS256'); // the first use after the interval starts a background reload
    await b.reload(); // joins it
    expect(b.signer('RS256')!.kid).toBe(rotated.kid);
  });

  it('seals private keys at rest with a KEK and needs the same KEK to start', async () => {
    const store = memoryKeyStore();
    const clock = movingClock();
    const kek = crypto.getRandomValues(new Uint8Array(32));
    const ring = await loadKeyRing(store, clock, ['RS256', 'EdDSA'], { keyEncryptionKey: kek });
    await ring.rotate('RS256');
    for (const record of await store.list()) {
      expect(isSealedPrivateJwk(record.private_jwk), record.kid).toBe(true);
      expect(record.private_jwk).not.toContain('"d"');
    }
    const again = await loadKeyRing(store, clock, ['RS256', 'EdDSA'], { keyEncryptionKey: kek });
    expect(again.signer('EdDSA')!.kid).toBe(ring.signer('EdDSA')!.kid);
    await expect(loadKeyRing(store, clock, ['RS256'])).rejects.toThrow(/no key-encryption key/);
    await expect(loadKeyRing(store, clock, ['RS256'], { keyEncryptionKey: new Uint8Array(32) })).rejects.toThrow(/wrong/);
    await expect(loadKeyRing(store, clock, ['RS256'], { keyEncryptionKey: new Uint8Array(16) })).rejects.toThrow(/32 bytes/);
  });

  it('warns about plain keys when a KEK is configured, and seals the keys it rotates in', async () => {
    const store = memoryKeyStore();
    const clock = movingClock();
    await loadKeyRing(store, clock, ['RS256']);
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const ring = await loadKeyRing(store, clock, ['RS256'], { keyEncryptionKey: new Uint8Array(32).fill(7), logger });
    expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ kids: expect.any(Array) }), expect.stringMatching(/unencrypted/));
    const rotated = await ring.rotate('RS256');
    expect(isSealedPrivateJwk((await store.list()).find((k) => k.kid === rotated.kid)!.private_jwk)).toBe(true);
  });
});
