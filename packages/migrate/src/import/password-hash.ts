/** `$2a$`, `$2b$` or `$2y$`, a two-digit cost from 04 to 31, then 22 characters of salt and 31 of hash. */
const BCRYPT = /^\$2[aby]\$(0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}$/;

/** argon2id v19 in PHC form: parameters, then at least 8 bytes of salt and 16 of hash (unpadded base64). */
const ARGON2ID = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,2}),p=(\d{1,2})\$[A-Za-z0-9+/]{11,88}\$[A-Za-z0-9+/]{22,172}$/;

/**
 * The most an imported argon2id hash may cost per login: 256 MiB, 10 passes, 16 lanes. A hash
 * beyond would let one import file make every login of that user a denial of service; oauth-ro's
 * own hashes (OWASP: m=19456, t=2, p=1) and common settings are far below.
 */
export const MAX_ARGON2ID = { memoryKiB: 262_144, timeCost: 10, parallelism: 16 } as const;

/** The kinds of password hash an import keeps as they are: the hasher verifies both. */
export type ImportableHash = 'bcrypt' | 'argon2id';

/**
 * Which importable kind `hash` is — a bcrypt hash as Auth0 exports them, or an argon2id hash as
 * `oauth-ro users export` writes them (within {@link MAX_ARGON2ID}) — or undefined for anything
 * else (md5, sha…, argon2i/argon2d, malformed), which could not be verified at login.
 *
 * @example importableHashKind('$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'); // 'argon2id'
 */
export function importableHashKind(hash: string): ImportableHash | undefined {
  if (BCRYPT.test(hash)) return 'bcrypt';
  const argon2 = ARGON2ID.exec(hash);
  if (!argon2) return undefined;
  const [memory, time, lanes] = [Number(argon2[1]), Number(argon2[2]), Number(argon2[3])];
  const within = lanes >= 1 && lanes <= MAX_ARGON2ID.parallelism && time >= 1 && time <= MAX_ARGON2ID.timeCost;
  return within && memory >= 8 * lanes && memory <= MAX_ARGON2ID.memoryKiB ? 'argon2id' : undefined;
}
