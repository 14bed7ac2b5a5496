import { jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { ACCESS_TOKEN_RULES } from './access-token-rules.js';
import type { KeyRing } from './key-ring.js';

/** Options of {@link verifyServerSigned}. */
export interface ServerSignedCheck {
  readonly issuer: string;
  readonly nowMs: number;
  /** jose's `typ` check (normalised, e.g. `at+jwt`); absent: any. */
  readonly typ?: string;
  readonly audience?: string;
}

/** Thrown inside jose's key lookup to refuse a token; never leaves the verifiers. */
export const NOT_VERIFIABLE = new Error('no key verifies this token');

/**
 * The public key of the server's own that a token's header names: found by `kid` (an unknown kid
 * may be a key another instance just rotated in; `resolve` reloads, rate-limited), with that key's
 * `alg`. Throws {@link NOT_VERIFIABLE} otherwise. jose's key lookup, so the header is decoded once.
 *
 * @example await jwtVerify(token, (header) => serverKeyFor(keyRing, header), options);
 */
export async function serverKeyFor(keyRing: KeyRing, header: ProtectedHeaderParameters): Promise<CryptoKey> {
  if (typeof header.kid !== 'string') throw NOT_VERIFIABLE;
  const key = await keyRing.resolve(header.kid);
  if (!key || header.alg !== key.alg) throw NOT_VERIFIABLE;
  return key.publicKey;
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
): Promise<(JWTPayload & { sub: string }) | undefined> {
  try {
    const { payload } = await jwtVerify(
      token,
      (header) => serverKeyFor(keyRing, header),
      {
        algorithms: ACCESS_TOKEN_RULES.algorithms as string[],
        issuer: check.issuer,
        currentDate: new Date(check.nowMs),
        clockTolerance: ACCESS_TOKEN_RULES.clockToleranceS,
        requiredClaims: ['exp', 'sub'],
        ...(check.typ === undefined ? {} : { typ: check.typ }),
        ...(check.audience === undefined ? {} : { audience: check.audience }),
      },
    );
    return typeof payload.sub === 'string' ? (payload as JWTPayload & { sub: string }) : undefined;
  } catch {
    return undefined;
  }
}
