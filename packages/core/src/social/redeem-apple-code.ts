import { createRemoteJWKSet, importPKCS8, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { ConnectionConfig } from '../config/types.js';
import type { OAuthError } from '../errors/oauth-error.js';
import { ok, type Result } from '../util/result.js';
import { callProvider, providerBase, refused, type SocialIdentity } from './social-identity.js';

const APPLE_ISSUER = 'https://appleid.apple.com';
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** Apple's client secret: an ES256 JWT signed with the `.p8` key, valid five minutes. */
async function clientSecret(connection: ConnectionConfig, nowMs: number): Promise<string> {
  const key = await importPKCS8(String(connection.options.app_secret), 'ES256');
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: String(connection.options.kid) })
    .setIssuer(String(connection.options.team_id))
    .setSubject(String(connection.options.client_id))
    .setAudience(APPLE_ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 300)
    .sign(key);
}

/**
 * Redeems a Sign in with Apple authorization code from a native app: `POST /auth/token` with the
 * connection's `client_id` and a client secret signed by its key; Apple's ID token is then checked
 * against Apple's JWKS (`/auth/keys`): signature by a published key, issuer Apple, audience the
 * connection's `client_id`, unexpired. A `user_profile` the app got from Apple at first sign-in
 * (`{ name: { firstName, lastName } }`) adds the name, which Apple never puts in the ID token.
 *
 * @example const identity = await redeemAppleCode(connection, code, undefined, Date.now());
 */
export async function redeemAppleCode(
  connection: ConnectionConfig & { strategy: 'apple' },
  code: string,
  userProfile: Readonly<Record<string, unknown>> | undefined,
  nowMs: number,
): Promise<Result<SocialIdentity, OAuthError>> {
  const base = providerBase(connection);
  const client_id = String(connection.options.client_id);
  const body = new URLSearchParams({ client_id, client_secret: await clientSecret(connection, nowMs), code, grant_type: 'authorization_code' });
  const token = await callProvider(`${base}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() }, 'apple');
  if (token.status !== 200 || typeof token.json.id_token !== 'string') {
    return refused(token.json.error === 'invalid_grant' ? 'apple refused the code (expired, used or revoked)' : 'apple did not redeem the code');
  }
  let keys = keySets.get(base);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${base}/auth/keys`), { timeoutDuration: 10_000, cooldownDuration: 30_000 });
    keySets.set(base, keys);
  }
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token.json.id_token, keys, {
      issuer: APPLE_ISSUER,
      audience: client_id,
      algorithms: ['RS256'],
      currentDate: new Date(nowMs),
    }));
  } catch (error) {
    const name = error instanceof Error ? (error as { code?: string }).code ?? error.name : '';
    if (name === 'ERR_JWKS_NO_MATCHING_KEY') return refused('apple’s ID token is signed by a key apple does not publish');
    if (name === 'ERR_JWT_EXPIRED') return refused('apple’s ID token has expired');
    if (name === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return refused('apple’s ID token is for another app');
    return refused('apple’s ID token could not be verified');
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') return refused('apple’s ID token names no user');
  const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined;
  const name = userProfile?.name as Record<string, unknown> | undefined;
  const given = typeof name?.firstName === 'string' ? name.firstName : undefined;
  const family = typeof name?.lastName === 'string' ? name.lastName : undefined;
  return ok({
    id: claims.sub,
    ...(email ? { email } : {}),
    profile: {
      ...(email ? { email_verified: claims.email_verified === true || claims.email_verified === 'true' } : {}),
      ...(given ? { given_name: given } : {}),
      ...(family ? { family_name: family } : {}),
      ...(given || family ? { name: [given, family].filter(Boolean).join(' ') } : {}),
    },
  });
}
