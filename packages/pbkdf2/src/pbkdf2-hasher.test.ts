import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { parsePbkdf2Hash } from './parse-pbkdf2-hash.js';
import { createPbkdf2Hasher, OWASP_PBKDF2_SHA256_ITERATIONS } from './pbkdf2-hasher.js';

const fast = createPbkdf2Hasher({ iterations: 1000 });
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

describe('createPbkdf2Hasher', () => {
  it('hashes with the OWASP iteration count by default and verifies the right password only', async () => {
    const hasher = createPbkdf2Hasher();
    const phc = await hasher.hash('correct horse');
    expect(phc).toMatch(/^\$pbkdf2-sha256\$i=600000\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(parsePbkdf2Hash(phc)?.iterations).toBe(OWASP_PBKDF2_SHA256_ITERATIONS);
    expect(await hasher.verify(phc, 'correct horse')).toBe(true);
    expect(await hasher.verify(phc, 'correct horsf')).toBe(false);
    expect(hasher.needsRehash(phc)).toBe(false);
  });

  it('salts every hash afresh', async () => {
    expect(await fast.hash('same')).not.toBe(await fast.hash('same'));
  });

  it('produces what an independent PBKDF2 (node:crypto) produces, both ways', async () => {
    const parsed = parsePbkdf2Hash(await fast.hash('pässwörd 🔑'))!;
    expect(Buffer.from(parsed.hash)).toEqual(pbkdf2Sync('pässwörd 🔑', parsed.salt, 1000, 32, 'sha256'));

    const salt = randomBytes(16);
    const foreign = `$pbkdf2-sha256$i=1500$${b64(salt)}$${b64(pbkdf2Sync('imported', salt, 1500, 32, 'sha256'))}`;
    expect(await fast.verify(foreign, 'imported')).toBe(true);
    expect(await fast.verify(foreign, 'imported ')).toBe(false);
  });

  it('answers false, never throws, for hashes it cannot read', async () => {
    const good = await fast.hash('pw');
    const [, , , salt, hash] = good.split('$');
    for (const phc of [
      '',
      'pw',
      '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
      '$2b$10$abcdefghijklmnopqrstuuKaPk2uCY3e6j8D7PHpSzy2V1X2B2d5m',
      `$pbkdf2-sha512$i=1000$${salt}$${hash}`,
      `$pbkdf2-sha256$i=0$${salt}$${hash}`,
      `$pbkdf2-sha256$i=01000$${salt}$${hash}`,
      `$pbkdf2-sha256$i=1000$${salt}=$${hash}`,
      `$pbkdf2-sha256$i=1000$${salt!.replace(/[A-Za-z]/, '-')}$${hash}`,
      `$pbkdf2-sha256$i=1000$c2hvcnQ$${hash}`,
      `$pbkdf2-sha256$i=1000$${salt}$${hash!.slice(0, 10)}`,
      `${good}$extra`,
    ]) {
      expect(await fast.verify(phc, 'pw'), phc).toBe(false);
      expect(fast.needsRehash(phc), phc).toBe(true);
    }
  });

  it('asks for a rehash below the configured iterations only', async () => {
    const weaker = await createPbkdf2Hasher({ iterations: 500 }).hash('pw');
    const stronger = await createPbkdf2Hasher({ iterations: 2000 }).hash('pw');
    expect(fast.needsRehash(weaker)).toBe(true);
    expect(fast.needsRehash(await fast.hash('pw'))).toBe(false);
    expect(fast.needsRehash(stronger)).toBe(false);
    expect(await fast.verify(weaker, 'pw')).toBe(true);
  });

  it('refuses a stored hash that asks for more than maxIterations', async () => {
    const heavy = await createPbkdf2Hasher({ iterations: 5000 }).hash('pw');
    expect(await createPbkdf2Hasher({ iterations: 1000 }).verify(heavy, 'pw')).toBe(false); // default max 4000
    expect(await createPbkdf2Hasher({ iterations: 1000, maxIterations: 5000 }).verify(heavy, 'pw')).toBe(true);
  });

  it('answers false when the runtime refuses the derivation (as hosted Workers do above 100000 iterations)', async () => {
    const phc = await fast.hash('pw');
    const refuse = vi
      .spyOn(crypto.subtle, 'deriveBits')
      .mockRejectedValueOnce(new Error('Pbkdf2 failed: iteration counts above 100000 are not supported'));
    try {
      expect(await fast.verify(phc, 'pw')).toBe(false);
      expect(refuse).toHaveBeenCalledOnce();
    } finally {
      refuse.mockRestore();
    }
    expect(await fast.verify(phc, 'pw')).toBe(true);
  });

  it('spends the configured work on verifyDummy and resolves to nothing', async () => {
    await expect(fast.verifyDummy('anything')).resolves.toBeUndefined();
  });

  it('refuses a configuration that could not hash', () => {
    expect(() => createPbkdf2Hasher({ iterations: 0 })).toThrow(TypeError);
    expect(() => createPbkdf2Hasher({ iterations: 1.5 })).toThrow(TypeError);
    expect(() => createPbkdf2Hasher({ iterations: 1000, maxIterations: 999 })).toThrow(TypeError);
  });
});
