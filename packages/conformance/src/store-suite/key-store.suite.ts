import type { SigningKeyRecord } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import { makeSigningKeyRecord } from './fixtures.js';
import type { StoreFactory } from './types.js';
import { useStores } from './use-stores.js';

const byKid = (a: SigningKeyRecord, b: SigningKeyRecord) => (a.kid < b.kid ? -1 : a.kid > b.kid ? 1 : 0);
const sorted = (keys: readonly SigningKeyRecord[]) => [...keys].sort(byKid);
const active = (keys: readonly SigningKeyRecord[], alg: SigningKeyRecord['alg'] = 'RS256') =>
  keys.filter((k) => k.alg === alg && k.retired_at === undefined);

/** `KeyStore`: one active key per algorithm however many callers race, rotation and pruning. */
export function keyStoreSuite(factory: StoreFactory): void {
  describe('KeyStore', () => {
    const stores = useStores(factory);

    it('starts empty', async () => {
      expect(await stores.current.keys.list()).toEqual([]);
    });

    it('ensureActive stores the first candidate exactly as given, without retired_at', async () => {
      const { keys } = stores.current;
      const candidate = makeSigningKeyRecord();
      expect(await keys.ensureActive(candidate)).toEqual([candidate]);
      const [stored] = await keys.list();
      expect(stored).toEqual(candidate);
      expect(stored?.retired_at).toBeUndefined();
    });

    it('ensureActive keeps the active key and drops a later candidate (idempotent)', async () => {
      const { keys } = stores.current;
      const first = makeSigningKeyRecord();
      await keys.ensureActive(first);
      expect(await keys.ensureActive(makeSigningKeyRecord())).toEqual([first]);
      expect(await keys.ensureActive(makeSigningKeyRecord())).toEqual([first]);
      expect(await keys.list()).toEqual([first]);
    });

    it('ensureActive keeps one active key per algorithm', async () => {
      const { keys } = stores.current;
      const rs = makeSigningKeyRecord({ alg: 'RS256' });
      const es = makeSigningKeyRecord({ alg: 'ES256' });
      await keys.ensureActive(rs);
      expect(sorted(await keys.ensureActive(es))).toEqual(sorted([rs, es]));
      expect(sorted(await keys.ensureActive(makeSigningKeyRecord({ alg: 'ES256' })))).toEqual(sorted([rs, es]));
    });

    it('ensureActive called 20 times at once ends with exactly one active key that every caller sees', async () => {
      const { keys } = stores.current;
      const candidates = Array.from({ length: 20 }, () => makeSigningKeyRecord());
      const results = await Promise.all(candidates.map((c) => keys.ensureActive(c)));
      const stored = await keys.list();
      expect(stored).toHaveLength(1);
      const [winner] = active(stored);
      expect(candidates).toContainEqual(winner);
      for (const result of results) expect(active(result)).toEqual([winner]);
    });

    it('rotate retires the active key at the given time and makes the candidate active', async () => {
      const { keys } = stores.current;
      const old = makeSigningKeyRecord();
      const es = makeSigningKeyRecord({ alg: 'ES256' });
      await keys.ensureActive(old);
      await keys.ensureActive(es);
      const fresh = makeSigningKeyRecord();
      const retiredAt = 1_800_000_000_000;
      const expected = sorted([{ ...old, retired_at: retiredAt }, fresh, es]);
      expect(sorted(await keys.rotate(fresh, retiredAt))).toEqual(expected);
      expect(sorted(await keys.list())).toEqual(expected);
      // The other algorithm's key is untouched, and the next ensureActive keeps the rotated key.
      expect(active(await keys.ensureActive(makeSigningKeyRecord()))).toEqual([fresh]);
    });

    it('rotate with no active key stores the candidate as active', async () => {
      const { keys } = stores.current;
      const fresh = makeSigningKeyRecord({ alg: 'EdDSA' });
      expect(await keys.rotate(fresh, 1_800_000_000_000)).toEqual([fresh]);
    });

    it('several rotations at once leave exactly one active key and retire the rest', async () => {
      const { keys } = stores.current;
      const first = makeSigningKeyRecord();
      await keys.ensureActive(first);
      const candidates = Array.from({ length: 5 }, () => makeSigningKeyRecord());
      await Promise.all(candidates.map((c, i) => keys.rotate(c, 1_800_000_000_000 + i)));
      const stored = await keys.list();
      expect(stored).toHaveLength(6);
      expect(active(stored)).toHaveLength(1);
      expect(stored.find((k) => k.kid === first.kid)?.retired_at).toBeTypeOf('number');
    });

    it('prune deletes keys retired before the cut-off and nothing else', async () => {
      const { keys } = stores.current;
      const [a, b, c, d] = Array.from({ length: 4 }, () => makeSigningKeyRecord());
      await keys.ensureActive(a!);
      await keys.rotate(b!, 1000);
      await keys.rotate(c!, 2000);
      await keys.rotate(d!, 3000);
      const es = makeSigningKeyRecord({ alg: 'ES256' });
      await keys.ensureActive(es);
      // a retired at 1000, b at 2000, c at 3000; d and es are active.
      expect(await keys.prune(2000)).toBe(1);
      expect((await keys.list()).map((k) => k.kid).sort()).toEqual([b!.kid, c!.kid, d!.kid, es.kid].sort());
      expect(await keys.prune(2000)).toBe(0);
      expect(await keys.prune(Number.MAX_SAFE_INTEGER)).toBe(2);
      expect(sorted(await keys.list())).toEqual(sorted([d!, es]));
    });
  });
}
