import type { ConnectionConfig } from '../config/types.js';
import type { OAuthError } from '../errors/oauth-error.js';
import { ok, type Result } from '../util/result.js';
import { callProvider, providerBase, refused, type SocialIdentity } from './social-identity.js';

/**
 * Verifies a Facebook user access token (or a session-info token) with the Graph API's
 * `debug_token`, authenticated as the connection's app (`client_id|client_secret`): it must be valid,
 * issued to this app, unexpired and name a user; the profile (`id,name,email,first_name,last_name`)
 * is then read with the token itself, and its id must be that user.
 *
 * @example const identity = await verifyFacebookToken(connection, accessToken, Date.now());
 */
export async function verifyFacebookToken(
  connection: ConnectionConfig & { strategy: 'facebook' },
  token: string,
  nowMs: number,
): Promise<Result<SocialIdentity, OAuthError>> {
  const base = providerBase(connection);
  const appToken = `${String(connection.options.client_id)}|${String(connection.options.client_secret)}`;
  const debug = await callProvider(
    `${base}/debug_token?${new URLSearchParams({ input_token: token, access_token: appToken })}`,
    { method: 'GET' },
    'facebook',
  );
  const data = debug.json.data as Record<string, unknown> | undefined;
  if (debug.status !== 200 || !data) return refused('facebook did not accept the token');
  if (data.is_valid !== true) return refused('facebook says the token is not valid (expired or revoked)');
  if (String(data.app_id) !== connection.options.client_id) return refused('the token was issued to another facebook app');
  const expiresAt = typeof data.expires_at === 'number' ? data.expires_at : 0;
  if (expiresAt !== 0 && expiresAt * 1000 <= nowMs) return refused('the token has expired');
  if (typeof data.user_id !== 'string' || data.user_id === '') return refused('the token names no user');

  const me = await callProvider(`${base}/me?${new URLSearchParams({ fields: 'id,name,email,first_name,last_name', access_token: token })}`, { method: 'GET' }, 'facebook');
  if (me.status !== 200 || String(me.json.id) !== data.user_id) return refused('facebook did not return the token’s user');
  const email = typeof me.json.email === 'string' ? me.json.email.toLowerCase() : undefined;
  return ok({
    id: data.user_id,
    ...(email ? { email } : {}),
    profile: {
      ...(typeof me.json.name === 'string' ? { name: me.json.name } : {}),
      ...(typeof me.json.first_name === 'string' ? { given_name: me.json.first_name } : {}),
      ...(typeof me.json.last_name === 'string' ? { family_name: me.json.last_name } : {}),
      ...(email ? { email_verified: true } : {}),
    },
  });
}
