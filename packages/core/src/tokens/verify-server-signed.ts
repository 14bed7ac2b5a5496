import { decodeProtectedHeader, jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { ACCESS_TOKEN_RULES } from './access-token-rules.js';
import type { KeyRing } from './key-ring.js';

/** Options of {@link verifyServerSigned}. */
export interface ServerSignedCheck {
  readonly issuer: string;
  readonly nowMs: number;
  /** jose's `typ` check (normalised, e.g. `at+jwt`); absent: any. */
  readonly typ?: string;
  readonly audience?: string;
  /** The token's protected header, when the caller has decoded it already. */
  readonly header?: ProtectedHeaderParameters;
}

/**
 * Verifies a JWT signed by one of the server's own keys (found by `kid`, its `alg` required), with
 * the issuer, `exp` and `sub` required. Undefined for anything else. Internal to the token verifiers.
 *
 * @example const verified = await verifyServerSigned(keyRing, token, { issuer, nowMs: Date.now() });
 */
export async function verifyServerSigned(
  keyRing: KeyRing,
  token: string,
  check: ServerSignedCheck,
): Promise<{ header: ProtectedHeaderParameters; payload: JWTPayload & { sub: string } } | undefined> {
  try {
    const header = check.header ?? decodeProtectedHeader(token);
    if (typeof header.kid !== 'string' || !ACCESS_TOKEN_RULES.algorithms.includes(header.alg as 'RS256')) return undefined;
    // An unknown kid may be a key another instance just rotated in; resolve reloads (rate-limited).
    const key = await keyRing.resolve(header.kid);
    if (!key || header.alg !== key.alg) return undefined;
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: [key.alg],
      issuer: check.issuer,
      currentDate: new Date(check.nowMs),
      clockTolerance: ACCESS_TOKEN_RULES.clockToleranceS,
      requiredClaims: ['exp', 'sub'],
      ...(check.typ === undefined ? {} : { typ: check.typ }),
      ...(check.audience === undefined ? {} : { audience: check.audience }),
    });
    return typeof payload.sub === 'string' ? { header, payload: payload as JWTPayload & { sub: string } } : undefined;
  } catch {
    return undefined;
  }
}
