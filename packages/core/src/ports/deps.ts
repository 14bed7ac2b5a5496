import type { Clock } from './clock.js';
import type { Directory } from './directory.js';
import type { KeyStore } from './key-store.js';
import type { Logger } from './logger.js';
import type { PasswordHasher } from './password-hasher.js';
import type { Random } from './random.js';
import type { UserStore } from './user-store.js';

/**
 * Every outside dependency of core, passed in once. Core never imports an implementation.
 *
 * @example
 * const deps: CoreDeps = { users, keys, hasher, clock: systemClock, random: webCryptoRandom };
 */
export interface CoreDeps {
  readonly users: UserStore;
  readonly keys: KeyStore;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger?: Logger;
  /** Directory strategies by strategy name (`ad`, `waad`, `adfs`). */
  readonly directories?: Readonly<Record<string, Directory>>;
}
