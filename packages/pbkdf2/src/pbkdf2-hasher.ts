import type { PasswordHasher } from '@oauth-ro/core/ports';
import { constantTimeEqualBytes } from '@oauth-ro/core/ports';
import { formatPbkdf2Hash, parsePbkdf2Hash } from './parse-pbkdf2-hash.js';

/** OWASP's Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA256 (2023). */
export const OWASP_PBKDF2_SHA256_ITERATIONS = 600_000;

/**
 * The most iterations Cloudflare's hosted Workers let `crypto.subtle.deriveBits` run: above it they
 * throw (cloudflare/workerd#1346), so a deployed Worker has to configure this or fewer, below
 * OWASP's figure. The open-source workerd binary (and so Miniflare) does not enforce the cap: a
 * local run with more iterations says nothing about production.
 */
export const CLOUDFLARE_WORKERS_MAX_PBKDF2_ITERATIONS = 100_000;

/** Options of {@link createPbkdf2Hasher}. */
export interface Pbkdf2HasherOptions {
  /** Iterations for new hashes; a stored hash with fewer gets `needsRehash`. Default 600000. */
  readonly iterations?: number;
  /**
   * The most iterations `verify` will spend on a stored hash; above it the hash is refused (false)
   * rather than letting a damaged or hostile row pin the CPU. Default: 4 × `iterations`.
   */
  readonly maxIterations?: number;
}

const SALT_BYTES = 16;
const HASH_BYTES = 32;
const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number, bytes: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, bytes * 8);
  return new Uint8Array(bits);
}

/**
 * PBKDF2-HMAC-SHA256 through WebCrypto (`crypto.subtle`) alone, for runtimes without native addons
 * (Cloudflare Workers, Deno, Bun, browsers' workers; Node works too). Hashes are PHC strings:
 * `$pbkdf2-sha256$i=600000$<salt>$<hash>` (16-byte random salt, 32-byte hash, unpadded base64).
 * `verify` compares in constant time and answers false, never throws, for a wrong password or a
 * hash it cannot read (argon2 and bcrypt included: this runtime cannot check those).
 * Prefer `@oauth-ro/argon2` (memory-hard) wherever native code runs.
 *
 * @example
 * const hasher = createPbkdf2Hasher(); // 600000 iterations
 * const workersHasher = createPbkdf2Hasher({ iterations: CLOUDFLARE_WORKERS_MAX_PBKDF2_ITERATIONS });
 * const phc = await hasher.hash('correct horse battery staple');
 */
export function createPbkdf2Hasher(options: Pbkdf2HasherOptions = {}): PasswordHasher {
  const iterations = options.iterations ?? OWASP_PBKDF2_SHA256_ITERATIONS;
  const maxIterations = options.maxIterations ?? 4 * iterations;
  if (!Number.isSafeInteger(iterations) || iterations < 1 || !(maxIterations >= iterations)) {
    throw new TypeError('createPbkdf2Hasher: iterations must be a positive integer no larger than maxIterations');
  }
  // What verifyDummy compares against: any bytes do, the work is in deriving.
  const dummySalt = new Uint8Array(SALT_BYTES);
  const dummyHash = new Uint8Array(HASH_BYTES);
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
      return formatPbkdf2Hash({ iterations, salt, hash: await derive(password, salt, iterations, HASH_BYTES) });
    },
    async verify(phc, password) {
      const parsed = parsePbkdf2Hash(phc);
      if (!parsed || parsed.iterations > maxIterations) return false;
      try {
        const actual = await derive(password, parsed.salt.slice(), parsed.iterations, parsed.hash.length);
        return constantTimeEqualBytes(actual, parsed.hash);
      } catch {
        // e.g. Cloudflare's Workers refusing more iterations than they allow: unverifiable here, so not a match.
        return false;
      }
    },
    needsRehash(phc) {
      const parsed = parsePbkdf2Hash(phc);
      return !parsed || parsed.iterations < iterations;
    },
    async verifyDummy(password) {
      constantTimeEqualBytes(await derive(password, dummySalt, iterations, HASH_BYTES), dummyHash);
    },
  };
}
