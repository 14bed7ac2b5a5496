import { describe, expect, it } from 'vitest';
import { createArgon2Hasher, OWASP_ARGON2ID, parseArgon2Params } from './argon2-hasher.js';

const cheap = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

describe('createArgon2Hasher', () => {
  it('uses OWASP parameters by default', async () => {
    const hasher = await createArgon2Hasher();
    const phc = await hasher.hash('correct horse');
    expect(parseArgon2Params(phc)).toMatchObject({ variant: 'id', version: 19, ...OWASP_ARGON2ID });
    expect(await hasher.verify(phc, 'correct horse')).toBe(true);
    expect(await hasher.verify(phc, 'correct horsE')).toBe(false);
  });

  it('never throws on a malformed hash', async () => {
    const hasher = await createArgon2Hasher(cheap);
    expect(await hasher.verify('not-a-hash', 'x')).toBe(false);
    expect(await hasher.verify('', 'x')).toBe(false);
    await expect(hasher.verifyDummy('anything')).resolves.toBeUndefined();
  });

  it('wants a rehash for weaker parameters or another algorithm', async () => {
    const hasher = await createArgon2Hasher(cheap);
    const weaker = await (await createArgon2Hasher({ ...cheap, memoryCost: 512 })).hash('pw');
    const same = await hasher.hash('pw');
    const stronger = await (await createArgon2Hasher({ ...cheap, timeCost: 2 })).hash('pw');
    expect(hasher.needsRehash(weaker)).toBe(true);
    expect(hasher.needsRehash(same)).toBe(false);
    expect(hasher.needsRehash(stronger)).toBe(false);
    expect(hasher.needsRehash('$2b$10$abcdefghijklmnopqrstuu5s9Gq3nNn1Ygk4Hw8vjIFmNkSs4qxSG')).toBe(true);
  });
});
