import type { ConnectionConfig } from '../config/types.js';
import type { OAuthError } from '../errors/oauth-error.js';
import { ok, type Result } from '../util/result.js';
import { callProvider, providerBase, refused, type SocialIdentity } from './social-identity.js';

/**
 * Verifies a Google access token with Google's `tokeninfo` endpoint: Google must know it (an expired
 * or revoked token is refused there), its audience must be the connection's `client_id` or one of
 * its `allowed_audiences` (the app's Android/iOS client ids), and it must be unexpired and name a user.
 *
 * @example const identity = await verifyGoogleToken(connection, accessToken, Date.now());
 */
export async function verifyGoogleToken(
  connection: ConnectionConfig & { strategy: 'google-oauth2' },
  token: string,
  nowMs: number,
): Promise<Result<SocialIdentity, OAuthError>> {
  const info = await callProvider(`${providerBase(connection)}/tokeninfo?${new URLSearchParams({ access_token: token })}`, { method: 'GET' }, 'google');
  if (info.status !== 200) return refused('google did not accept the token (expired, revoked or unknown)');
  const audiences = [connection.options.client_id, ...((connection.options.allowed_audiences as string[] | undefined) ?? [])];
  const aud = info.json.aud ?? info.json.azp;
  if (typeof aud !== 'string' || !audiences.includes(aud)) return refused('the token was issued to another google client');
  const exp = Number(info.json.exp);
  if (!Number.isFinite(exp) || exp * 1000 <= nowMs) return refused('the token has expired');
  const sub = info.json.sub;
  if (typeof sub !== 'string' || sub === '') return refused('the token names no user');
  const email = typeof info.json.email === 'string' ? info.json.email.toLowerCase() : undefined;
  return ok({
    id: sub,
    ...(email ? { email } : {}),
    profile: email ? { email_verified: info.json.email_verified === true || info.json.email_verified === 'true' } : {},
  });
}
