import { hash } from '@node-rs/argon2';
import type { PasswordHasher } from '@oauth-ro/core/ports';
import { bcryptCost, dummyBcryptHash, isBcryptHash } from './bcrypt-hash.js';
import { createBoundedQueue, OVERLOAD_WAITING_PER_SLOT, type QueueLimits } from './bounded-queue.js';
import { hashThreads } from './hash-threads.js';

/** argon2id cost parameters. */
export interface Argon2Params {
  /** Memory in KiB. */
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/** OWASP's recommendation for argon2id: m=19456 KiB (19 MiB), t=2, p=1. */
export const OWASP_ARGON2ID: Argon2Params = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** `Algorithm.Argon2id` of @node-rs/argon2 (an ambient const enum, which verbatimModuleSyntax cannot import). */
const ARGON2ID = 2;

/**
 * core's `PasswordHasher`, plus how loaded its queue is (for metrics).
 *
 * @example (await createArgon2Hasher()).load(); // { running: 0, queued: 0 }
 */
export interface Argon2Hasher extends PasswordHasher {
  /** Hashes running now and hashes waiting for a slot (the queue depth). */
  load(): { readonly running: number; readonly queued: number };
  /** True while the queue is in overload (newest first, shedding): see `PasswordHasher.overloaded`. */
  overloaded(): boolean;
}

/**
 * Hashes handed to the hashing threads ({@link hashThreads}) at once: one running per core and the
 * next one for each, so no thread waits for the event loop between two; and a queue deep enough
 * for bursts (1000 waiting logins hold only closures, the running ones 19 MiB each). In overload
 * (beyond 8 waiting per core, where admission turns newest first and sheds), one per core, so a
 * fresh login starts on the next free thread instead of behind a hash handed ahead.
 *
 * @example createArgon2Hasher(OWASP_ARGON2ID, { ...DEFAULT_HASHER_LIMITS, maxQueued: 64 });
 */
export const DEFAULT_HASHER_LIMITS: QueueLimits = {
  concurrency: hashThreads().size * hashThreads().depth,
  overloadConcurrency: hashThreads().size,
  maxQueued: 1024,
  overloadWaiting: OVERLOAD_WAITING_PER_SLOT * hashThreads().size,
};

const PHC = /^\$argon2(id|i|d)\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/;

/**
 * Parses the parameters of an argon2 PHC string, or undefined if it is not one.
 *
 * @example parseArgon2Params('$argon2id$v=19$m=19456,t=2,p=1$…'); // { variant: 'id', memoryCost: 19456, … }
 */
export function parseArgon2Params(phc: string): (Argon2Params & { variant: string; version: number }) | undefined {
  const m = PHC.exec(phc);
  if (!m) return undefined;
  return {
    variant: m[1]!,
    version: Number(m[2]),
    memoryCost: Number(m[3]),
    timeCost: Number(m[4]),
    parallelism: Number(m[5]),
  };
}

/**
 * argon2id hashing on the process's hashing threads ({@link hashThreads}: one per core, below the
 * event loop's priority, apart from libuv's pool). `verify` also accepts bcrypt
 * hashes (`$2a$`, `$2b$`, `$2y$`, e.g. users imported from Auth0), through the same bounded queue.
 * `needsRehash` is true for any hash that is not argon2id v19 with at least the configured
 * parameters, bcrypt included, so core replaces such a hash with argon2id on the next good login.
 * `verifyUniform` makes unknown, argon2id and bcrypt users cost the same while a connection holds
 * bcrypt hashes: one argon2id and one bcrypt check each, dummy where the hash is the other kind.
 *
 * @example
 * const hasher = await createArgon2Hasher(); // OWASP parameters
 * const phc = await hasher.hash('correct horse battery staple');
 */
export async function createArgon2Hasher(
  params: Argon2Params = OWASP_ARGON2ID,
  limits: QueueLimits = DEFAULT_HASHER_LIMITS,
): Promise<Argon2Hasher> {
  const options = { algorithm: ARGON2ID, ...params, outputLen: 32 };
  const run = createBoundedQueue(limits);
  const threads = hashThreads();
  const argon2Verify = (phc: string, password: string) => threads.run({ op: 'argon2-verify', phc, password }) as Promise<boolean>;
  // A real hash of a random password: verifying against it costs exactly what a real verify costs.
  const dummy = await hash(crypto.randomUUID(), options);
  return {
    // Jobs handed to a thread but not started yet are queued, as far as anyone watching can tell.
    load: () => {
      const running = Math.min(run.running, threads.size);
      return { running, queued: run.waiting + run.running - running };
    },
    overloaded: () => run.overloaded,
    hash: (password) => run(() => threads.run({ op: 'argon2-hash', password, options }) as Promise<string>),
    verify: (phc, password) =>
      run(() => (isBcryptHash(phc) ? (threads.run({ op: 'bcrypt-verify', phc, password }) as Promise<boolean>) : argon2Verify(phc, password))),
    needsRehash(phc) {
      const p = parseArgon2Params(phc);
      return (
        !p ||
        p.variant !== 'id' ||
        p.version !== 19 ||
        p.memoryCost < params.memoryCost ||
        p.timeCost < params.timeCost ||
        p.parallelism < params.parallelism
      );
    },
    async verifyDummy(password) {
      await run(() => argon2Verify(dummy, password));
    },
    verifyUniform(phc, password, legacy) {
      // Every check does the argon2id work, and while the connection holds bcrypt hashes the bcrypt
      // work too, at the user's own cost where it has one: both always run, whatever the first says.
      const bcrypt = phc !== undefined && isBcryptHash(phc);
      const cost = legacy.bcryptCost ?? (bcrypt ? bcryptCost(phc) : undefined);
      const argon2Phc = bcrypt || phc === undefined ? dummy : phc;
      return run(async () => {
        if (cost === undefined) return !bcrypt && phc !== undefined && (await argon2Verify(argon2Phc, password));
        const bcryptPhc = bcrypt ? phc : await dummyBcryptHash(cost);
        const [argon2Ok, bcryptOk] = (await threads.run({ op: 'both-verify', argon2Phc, bcryptPhc, password })) as [boolean, boolean];
        return phc !== undefined && (bcrypt ? bcryptOk : argon2Ok);
      });
    },
  };
}
