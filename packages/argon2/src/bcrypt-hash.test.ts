import { hash } from '@node-rs/bcrypt';
import { UnavailableError } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import { createArgon2Hasher, parseArgon2Params } from './argon2-hasher.js';
import { isBcryptHash, verifyBcrypt } from './bcrypt-hash.js';

const cheap = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

describe('bcrypt hashes', () => {
  it('verifies a real $2a$, $2b$ and $2y$ hash and refuses a wrong password', async () => {
    for (const version of ['2a', '2b', '2y'] as const) {
      const bcrypt = await hash('correct horse', { cost: 4, version });
      expect(bcrypt.startsWith(`$${version}$04$`)).toBe(true);
      expect(isBcryptHash(bcrypt)).toBe(true);
      expect(await verifyBcrypt(bcrypt, 'correct horse')).toBe(true);
      expect(await verifyBcrypt(bcrypt, 'correct horsE')).toBe(false);
      expect(await verifyBcrypt(bcrypt, '')).toBe(false);
    }
  });

  it('answers false, never a throw, for a malformed hash', async () => {
    const good = await hash('pw', { cost: 4 });
    for (const bad of ['', '$2b$', '$2b$10$short', `${good}x`, good.replace('$2b$', '$2x$'), good.replace('$04$', '$03$'), '$2b$04$' + '!'.repeat(53)]) {
      expect(isBcryptHash(bad)).toBe(false);
      expect(await verifyBcrypt(bad, 'pw')).toBe(false);
    }
  });

  it('is accepted by the argon2 hasher, which wants it rehashed to argon2id', async () => {
    const hasher = await createArgon2Hasher(cheap);
    const bcrypt = await hash('correct horse', { cost: 4 });
    expect(await hasher.verify(bcrypt, 'correct horse')).toBe(true);
    expect(await hasher.verify(bcrypt, 'wrong')).toBe(false);
    expect(await hasher.verify('$2b$04$malformed', 'correct horse')).toBe(false);
    expect(hasher.needsRehash(bcrypt)).toBe(true);
    const rehashed = await hasher.hash('correct horse');
    expect(parseArgon2Params(rehashed)?.variant).toBe('id');
    expect(hasher.needsRehash(rehashed)).toBe(false);
  });

  it('goes through the same bounded queue as argon2: a verify beyond it is refused with a 503', async () => {
    const hasher = await createArgon2Hasher(cheap, { concurrency: 1, maxQueued: 0 });
    const bcrypt = await hash('pw', { cost: 10 });
    const first = hasher.verify(bcrypt, 'pw');
    await expect(hasher.verify(bcrypt, 'pw')).rejects.toBeInstanceOf(UnavailableError);
    expect(await first).toBe(true);
  });
});
