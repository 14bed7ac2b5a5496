import type { ConnectionConfig } from '../config/types.js';
import { ConfigurationError } from '../errors/oauth-error.js';

/** A connection's `options.mfa`, Auth0's switch of MFA at `/oauth/ro` (docs/spec.md §5.9). */
export interface MfaSettings {
  /** Ask enrolled users for a code; refuse users who are not enrolled. */
  readonly active: boolean;
  /** Let a user who is not enrolled enrol at login: the refusal carries `mfa_settings` (key, QR). */
  readonly return_enroll_settings: boolean;
}

/** Strategies whose password logins MFA can guard: databases and directories. */
export const MFA_STRATEGIES: ReadonlySet<string> = new Set(['auth0', 'ad', 'waad', 'adfs']);

/**
 * Reads `connections[i].options.mfa`; undefined when absent or not active. Throws
 * {@link ConfigurationError} for a malformed value or a strategy MFA cannot guard.
 *
 * @example readMfaSettings(connection, 'connections[0]'); // { active: true, return_enroll_settings: false }
 */
export function readMfaSettings(connection: ConnectionConfig, path = 'connection'): MfaSettings | undefined {
  const raw = connection.options.mfa;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigurationError(`${path}.options.mfa`, 'must be an object { active, return_enroll_settings }');
  const { active, return_enroll_settings } = raw as Record<string, unknown>;
  if (active !== undefined && typeof active !== 'boolean') throw new ConfigurationError(`${path}.options.mfa.active`, 'must be true or false');
  if (return_enroll_settings !== undefined && typeof return_enroll_settings !== 'boolean') {
    throw new ConfigurationError(`${path}.options.mfa.return_enroll_settings`, 'must be true or false');
  }
  if (active !== true) return undefined;
  if (!MFA_STRATEGIES.has(connection.strategy)) {
    throw new ConfigurationError(`${path}.options.mfa`, `MFA guards password logins only (auth0, ad, waad, adfs), not ${connection.strategy}`);
  }
  return { active: true, return_enroll_settings: return_enroll_settings === true };
}
