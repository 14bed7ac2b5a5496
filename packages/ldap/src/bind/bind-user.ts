import { err, oauthError, ok, type OAuthError, type Result } from '@oauth-ro/core';
import type { Client } from 'ldapts';
import { mapAdError } from '../errors/map-ad-error.js';
import type { Pool } from '../pool/create-pool.js';

/**
 * Checks a password with a simple bind on a connection of the bind pool. Those connections serve
 * binds only (and, in direct mode, the bound user's own profile read right after), so a user's
 * identity never carries over to the service account's searches. `afterBind` runs on the same
 * connection while the user is still bound.
 *
 * @example
 * const checked = await bindUser(pools.bind, entry.dn, password, 'corp');
 */
export async function bindUser<T = void>(
  pool: Pool,
  name: string,
  password: string,
  connection: string,
  afterBind?: (client: Client) => Promise<T>,
): Promise<Result<T | undefined, OAuthError>> {
  // An empty password would make a simple bind "unauthenticated" and succeed (RFC 4513 §5.1.2).
  if (password.length === 0) return err(oauthError('invalid_user_password'));
  try {
    const value = await pool.use(async (client) => {
      await client.bind(name, password);
      return afterBind ? await afterBind(client) : undefined;
    });
    return ok(value);
  } catch (error) {
    return err(mapAdError(error, connection));
  }
}
