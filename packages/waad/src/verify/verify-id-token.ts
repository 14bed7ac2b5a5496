import { errors, jwtVerify, type JWTPayload } from 'jose';
import type { TenantTrust } from './tenant-trust.js';

/** Why an id_token was not accepted: the tenant's keys could not be had, or the token is not trustworthy. */
export type IdTokenFailure =
  | { readonly kind: 'unavailable'; readonly reason: string }
  | { readonly kind: 'untrusted'; readonly reason: string };

/** What an id_token check needs besides the token. */
export interface IdTokenExpectations {
  readonly clientId: string;
  /** Epoch milliseconds. */
  readonly now: number;
  readonly clockToleranceSeconds: number;
}

function classify(error: unknown): IdTokenFailure {
  if (error instanceof errors.JWKSTimeout) return { kind: 'unavailable', reason: 'the JWKS did not answer in time' };
  if (error instanceof errors.JWKSNoMatchingKey) return { kind: 'untrusted', reason: 'signed by a key the tenant does not publish' };
  if (error instanceof errors.JWKSMultipleMatchingKeys) return { kind: 'untrusted', reason: 'ambiguous signing key' };
  if (error instanceof errors.JWSSignatureVerificationFailed) return { kind: 'untrusted', reason: 'the signature does not verify' };
  if (error instanceof errors.JWTExpired) return { kind: 'untrusted', reason: 'the id_token has expired' };
  if (error instanceof errors.JWTClaimValidationFailed) return { kind: 'untrusted', reason: `claim ${error.claim} is not as expected` };
  if (error instanceof errors.JOSEAlgNotAllowed) return { kind: 'untrusted', reason: 'the id_token is not signed with RS256' };
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return { kind: 'untrusted', reason: 'the id_token is malformed' };
  if (error instanceof errors.JWKSInvalid) return { kind: 'unavailable', reason: 'the JWKS is malformed' };
  // Network failures, non-200 JWKS answers (JOSEError), anything else on the key path.
  return { kind: 'unavailable', reason: 'the JWKS could not be fetched' };
}

/**
 * Verifies an Entra ID id_token: RS256 signature by a key from the tenant's JWKS, `aud` = the
 * connection's client_id, `iss` = the discovered issuer (with `{tenantid}` filled from `tid` for
 * multi-tenant authorities), `exp`/`nbf` within the tolerance.
 *
 * @example
 * const checked = await verifyIdToken(idToken, trust, { clientId, now: Date.now(), clockToleranceSeconds: 60 });
 */
export async function verifyIdToken(
  idToken: string,
  trust: TenantTrust,
  expect: IdTokenExpectations,
): Promise<{ ok: true; claims: JWTPayload } | { ok: false; error: IdTokenFailure }> {
  const templated = trust.issuer.includes('{tenantid}');
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(idToken, trust.keys, {
      algorithms: ['RS256'],
      audience: expect.clientId,
      ...(templated ? {} : { issuer: trust.issuer }),
      currentDate: new Date(expect.now),
      clockTolerance: expect.clockToleranceSeconds,
      requiredClaims: ['iss', 'aud', 'exp', 'iat'],
    }));
  } catch (error) {
    return { ok: false, error: classify(error) };
  }
  if (templated) {
    const tid = typeof claims.tid === 'string' ? claims.tid : undefined;
    if (!tid || claims.iss !== trust.issuer.replace('{tenantid}', tid)) {
      return { ok: false, error: { kind: 'untrusted', reason: 'claim iss is not as expected' } };
    }
  }
  return { ok: true, claims };
}
