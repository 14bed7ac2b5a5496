import type { PasswordPolicy } from '../../config/types.js';
import { passwordPolicyOf } from './password-policy.js';

/** A database connection's password settings, read from Auth0's connection options. */
export interface PasswordOptions {
  readonly policy: PasswordPolicy;
  /** `password_complexity_options.min_length`, replacing the policy's own length. */
  readonly minLength?: number;
  /** `password_dictionary.enable`: refuse the 10,000 most common passwords and `dictionary` (lower-cased). */
  readonly dictionary?: ReadonlySet<string>;
  /** `password_history.enable`: refuse the last `size` passwords. */
  readonly historySize?: number;
  /** `password_no_personal_info.enable`: refuse passwords containing the user's name, username or email's local part. */
  readonly noPersonalInfo: boolean;
}

const record = (value: unknown): Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * The password settings of a connection (options already checked at start-up by
 * `normalizeDatabaseOptions`).
 *
 * @example
 * readPasswordOptions({ passwordPolicy: 'good', password_history: { enable: true, size: 5 } });
 * // { policy: 'good', historySize: 5, noPersonalInfo: false }
 */
export function readPasswordOptions(options: Readonly<Record<string, unknown>>): PasswordOptions {
  const complexity = record(options.password_complexity_options);
  const dictionary = record(options.password_dictionary);
  const history = record(options.password_history);
  const personal = record(options.password_no_personal_info);
  const minLength = typeof complexity.min_length === 'number' ? complexity.min_length : undefined;
  const extra = Array.isArray(dictionary.dictionary) ? dictionary.dictionary.filter((w): w is string => typeof w === 'string') : [];
  const size = typeof history.size === 'number' ? history.size : 5;
  return {
    policy: passwordPolicyOf(options),
    ...(minLength === undefined ? {} : { minLength }),
    ...(dictionary.enable === true ? { dictionary: new Set(extra.map((w) => w.toLowerCase())) } : {}),
    ...(history.enable === true && size > 0 ? { historySize: size } : {}),
    noPersonalInfo: personal.enable === true,
  };
}
