import { hash, verify } from '@node-rs/bcrypt';

/** `$2a$`, `$2b$` or `$2y$`, a two-digit cost from 04 to 31, then 22 characters of salt and 31 of hash. */
const BCRYPT = /^\$2[aby]\$(0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}$/;

/**
 * Whether `hash` is a bcrypt hash in modular crypt format, as Auth0 and most user exports carry
 * them (`$2a$`, `$2b$`, `$2y$`).
 *
 * @example isBcryptHash('$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'); // true
 */
export function isBcryptHash(hash: string): boolean {
  return BCRYPT.test(hash);
}

/**
 * Checks a password against a bcrypt hash on libuv's thread pool (the hasher itself uses its hashing threads); false (never a throw) for a
 * wrong password or a malformed hash. Passwords keep bcrypt's own semantics (the first 72 bytes),
 * so users imported with such hashes log in with exactly the password they had.
 *
 * @example await verifyBcrypt('$2b$10$…', 'correct horse'); // true or false
 */
export async function verifyBcrypt(hash: string, password: string): Promise<boolean> {
  if (!isBcryptHash(hash)) return false;
  return verify(password, hash).catch(() => false);
}

/**
 * The cost of a bcrypt hash (`$2b$10$…` → 10), or undefined if it is not one.
 *
 * @example bcryptCost('$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'); // 10
 */
export function bcryptCost(hash: string): number | undefined {
  return isBcryptHash(hash) ? Number(hash.slice(4, 6)) : undefined;
}

/**
 * A bcrypt hash of a random password at `cost`: what an unknown user's (or an argon2id user's)
 * check is compared against while a connection holds bcrypt hashes, so that it costs what a real
 * bcrypt check costs. Made once per cost and kept.
 *
 * @example const dummy = await dummyBcryptHash(10);
 */
export function dummyBcryptHash(cost: number): Promise<string> {
  let made = dummies.get(cost);
  if (!made) {
    made = hash(crypto.randomUUID(), { cost });
    dummies.set(cost, made);
  }
  return made;
}

const dummies = new Map<number, Promise<string>>();
