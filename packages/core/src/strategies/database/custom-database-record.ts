import type { ConnectionConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import type { CustomDatabaseProfile } from '../../ports/custom-database.js';
import type { UserRecord } from '../../ports/user-store.js';
import { err, ok, type Result } from '../../util/result.js';
import { looksLikeEmail, normalizeIdentifier } from '../../validation/normalize-identifier.js';

/** Profile keys that are login keys or ids, kept out of `profile`. */
const KEYS = new Set(['user_id', 'id', 'email', 'username', 'password', 'password_hash', 'identities', 'connection', 'strategy']);

/**
 * The local record of a user a custom-database script returned: `auth0|<user_id or id>` (kept when
 * the script already returns `auth0|…`), the login keys normalised, the rest of the profile kept.
 *
 * @example const record = customDatabaseRecord(connection, profile, 'old@example.com', now);
 */
export function customDatabaseRecord(
  connection: ConnectionConfig,
  profile: CustomDatabaseProfile,
  fallbackEmail: string,
  now: string,
  password_hash?: string,
): Result<UserRecord, OAuthError> {
  const id = profile.user_id ?? profile.id;
  if (typeof id !== 'string' && typeof id !== 'number') return err(oauthError('temporarily_unavailable', `the ${connection.name} custom database returned a profile without user_id`));
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(profile)) if (!KEYS.has(key)) rest[key] = value;
  const email = typeof profile.email === 'string' ? normalizeIdentifier(profile.email) : looksLikeEmail(fallbackEmail) ? fallbackEmail : undefined;
  const username = typeof profile.username === 'string' ? normalizeIdentifier(profile.username) : undefined;
  const raw = String(id);
  return ok({
    // Auth0 prefixes the script's id with the strategy (`auth0|<id>`), unless it already carries one.
    user_id: raw.startsWith('auth0|') ? raw : `auth0|${raw}`,
    connection: connection.name,
    strategy: 'auth0',
    ...(email === undefined ? {} : { email }),
    ...(username === undefined ? {} : { username }),
    ...(password_hash === undefined ? {} : { password_hash }),
    blocked: false,
    profile: rest,
    created_at: now,
    updated_at: now,
  });
}
