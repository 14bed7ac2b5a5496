import { hash, verify } from '@node-rs/argon2';
import { OWASP_ARGON2ID } from '@oauth-ro/argon2';

/** `Algorithm.Argon2id` of @node-rs/argon2 (an ambient const enum). */
const ARGON2ID = 2;

/**
 * The physical limit of password login: raw `@node-rs/argon2` verifies of a correct password with
 * OWASP parameters, `concurrency` in flight, for `seconds`. No HTTP, no queue, no tokens.
 *
 * @example const { verifies, seconds } = await runRawArgon2(8, 10);
 */
export async function runRawArgon2(concurrency: number, seconds: number): Promise<{ verifies: number; seconds: number }> {
  const password = 'Bench-passw0rd-for-argon2id';
  const phc = await hash(password, { algorithm: ARGON2ID, ...OWASP_ARGON2ID, outputLen: 32 });
  const start = performance.now();
  const end = start + seconds * 1000;
  let verifies = 0;
  const lane = async () => {
    while (performance.now() < end) {
      if (!(await verify(phc, password))) throw new Error('raw argon2 verify failed');
      verifies += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return { verifies, seconds: (performance.now() - start) / 1000 };
}
