import { SignJWT } from 'jose';
import type { GatewayAuthentication } from '../options/parse-sms-options.js';

/** How long a gateway token is valid; each message gets a fresh one. */
const LIFETIME_S = 300;

/**
 * The bearer token of an authenticated SMS gateway call, as Auth0's `gateway_authentication` made
 * it: an HS256 JWT with the configured `sub` and `aud`, signed with the shared secret.
 *
 * @example const jwt = await gatewayToken({ subject: 'urn:oauth-ro', audience: 'urn:my-gateway', secret }, Date.now());
 */
export function gatewayToken(auth: GatewayAuthentication, nowMs: number): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  let jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(iat).setExpirationTime(iat + LIFETIME_S);
  if (auth.subject) jwt = jwt.setSubject(auth.subject);
  if (auth.audience) jwt = jwt.setAudience(auth.audience);
  return jwt.sign(auth.secret);
}
