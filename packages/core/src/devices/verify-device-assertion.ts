import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, type JWK, type JWTPayload } from 'jose';
import type { ClientConfig, ConnectionConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import type { DeviceCredentialRecord } from '../ports/device-credential-store.js';
import type { UserRecord } from '../ports/user-store.js';
import { hashToken } from '../tokens/hash-token.js';
import { err, ok, type Result } from '../util/result.js';

/** An assertion may live at most this long (docs/spec.md §3: short-lived). */
const MAX_LIFETIME_S = 300;
const SKEW_S = 30;

const grant = (description: string) => err(oauthError('invalid_grant', description));

function verificationFailure(error: unknown, device: string): { ok: false; error: OAuthError } {
  const code = (error as { code?: string }).code;
  if (code === 'ERR_JWT_EXPIRED') return grant('the id_token has expired');
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return grant('the id_token is not valid yet');
  return grant(`the id_token signature does not verify with the key registered for device ${device.slice(0, 100)}`);
}

/** The user's keys for this client whose device id (or, as older apps sent it, name) is `device`. */
function keysFor(keys: readonly DeviceCredentialRecord[], client: ClientConfig, device: string): DeviceCredentialRecord[] {
  const mine = keys.filter((k) => k.client_id === client.client_id);
  const byId = mine.filter((k) => k.device_id === device);
  return byId.length > 0 ? byId : mine.filter((k) => k.device_name === device);
}

/**
 * Checks a Touch ID assertion (`/oauth/ro`, `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`):
 * a JWT signed (RS256 or ES256) by the key the user registered for this client and `device`, `iss`
 * the user's id, an `exp` at most 5 minutes ahead, never seen before (by `jti`, else by its signed
 * header and payload: a re-encoded signature is the same assertion). Every refusal is 400
 * `invalid_grant` saying which check failed; a blocked user is told so only after a valid assertion.
 *
 * @example
 * const user = await verifyDeviceAssertion(deps, issuer, client, connection, id_token, 'iPhone-7A1F');
 */
export async function verifyDeviceAssertion(
  deps: Pick<CoreDeps, 'users' | 'deviceCredentials' | 'usedAssertions' | 'clock'>,
  issuer: string,
  client: ClientConfig,
  connection: ConnectionConfig,
  assertion: string,
  device: string,
): Promise<Result<UserRecord, OAuthError>> {
  if (!deps.deviceCredentials || !deps.usedAssertions) return err(oauthError('unsupported_operation'));
  let alg: string | undefined;
  let claims: JWTPayload;
  try {
    alg = decodeProtectedHeader(assertion).alg;
    claims = decodeJwt(assertion);
  } catch {
    return grant('the id_token is not a signed JWT');
  }
  if (alg !== 'RS256' && alg !== 'ES256') return grant('the id_token must be signed with RS256 or ES256');
  if (typeof claims.iss !== 'string' || claims.iss === '') return grant('the id_token has no iss (the user id)');
  if (claims.sub !== undefined && claims.sub !== claims.iss) return grant('the id_token sub must equal its iss');
  if (typeof claims.exp !== 'number') return grant('the id_token has no exp');
  const nowS = deps.clock.now() / 1000;
  if (claims.exp > nowS + MAX_LIFETIME_S + SKEW_S) return grant('the id_token must expire within 5 minutes');
  if (claims.aud !== undefined) {
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(client.client_id) && !aud.includes(issuer)) return grant('the id_token aud is neither the client nor the issuer');
  }

  const user = await deps.users.findById(claims.iss);
  const candidates = user && user.connection === connection.name
    ? keysFor(await deps.deviceCredentials.listByUser(user.user_id), client, device).filter((k) => k.alg === alg)
    : [];
  if (!user || candidates.length === 0) return grant('no key is registered for this user, client and device');

  let credential: DeviceCredentialRecord | undefined;
  let failure: { ok: false; error: OAuthError } | undefined;
  for (const candidate of candidates) {
    try {
      const key = await importJWK(JSON.parse(candidate.public_jwk) as JWK, candidate.alg);
      await jwtVerify(assertion, key, {
        algorithms: [candidate.alg],
        currentDate: new Date(deps.clock.now()),
        clockTolerance: SKEW_S,
      });
      credential = candidate;
      break;
    } catch (error) {
      failure = verificationFailure(error, device);
    }
  }
  if (!credential) return failure ?? grant('the id_token could not be verified');

  // Keyed on what was signed, never on the encoding of the signature: the unused low bits of its
  // last base64url character, or an ECDSA `s` turned into `n - s`, make another string that still
  // verifies. The signing input (header.payload) is fixed by the signature; `jti`, when sent, is in it.
  const signingInput = assertion.slice(0, assertion.lastIndexOf('.'));
  const replayKey = await hashToken(
    `${credential.id}\u0000${typeof claims.jti === 'string' ? `jti:${claims.jti}` : `jws:${signingInput}`}`,
  );
  if (!(await deps.usedAssertions.markUsed(replayKey, (claims.exp + SKEW_S) * 1000, deps.clock.now()))) {
    return grant('the id_token was already used');
  }
  if (user.blocked) return err(oauthError('unauthorized', 'user is blocked'));
  return ok(user);
}
