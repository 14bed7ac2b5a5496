import { err, oauthError, ok, type OAuthError, type Result } from '@oauth-ro/core/ports';
import type { Client } from 'ldapts';
import type { ConnectionState } from '../directory/connection-state.js';
import { logFailure } from '../directory/log-failure.js';
import { mapAdError } from '../errors/map-ad-error.js';

/**
 * Checks a password with a simple bind on a connection of the bind pool. Those connections serve
 * binds only (and, in direct mode, the bound user's own profile read right after), so a user's
 * identity never carries over to the service account's searches. `afterBind` runs on the same
 * connection while the user is still bound.
 *
 * @example
 * const checked = await bindUser(state, entry.dn, password);
 */
export async function bindUser<T = void>(
  state: ConnectionState,
  name: string,
  password: string,
  afterBind?: (client: Client) => Promise<T>,
): Promise<Result<T | undefined, OAuthError>> {
  // An empty password would make a simple bind "unauthenticated" and succeed (RFC 4513 §5.1.2).
  if (password.length === 0) return err(oauthError('invalid_user_password'));
  try {
    const value = await state.bind.use(async (client) => {
      await client.bind(name, password);
      return afterBind ? await afterBind(client) : undefined;
    });
    return ok(value);
  } catch (error) {
    const mapped = mapAdError(error, state.name);
    if (mapped.code === 'temporarily_unavailable') logFailure(state, 'bind', error);
    return err(mapped);
  }
}
