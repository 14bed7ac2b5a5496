import { jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { ACCESS_TOKEN_RULES } from './access-token-rules.js';
import type { KeyRing } from './key-ring.js';

/** The algorithms of the server's keys, as jose takes them. */
const ALGORITHMS: string[] = [...ACCESS_TOKEN_RULES.algorithms];

/** Options of {@link verifyServerSigned}. */
export interface ServerSignedCheck {
  readonly issuer: string;
  readonly nowMs: number;
  /** jose's `typ` check (normalised, e.g. `at+jwt`); absent: any. */
  readonly typ?: string;
  readonly audience?: string;
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
    // jose decodes the header once and asks for the key by it, after checking its alg is allowed.
    const { payload, protectedHeader } = await jwtVerify(
      token,
      async (header) => {
        // An unknown kid may be a key another instance just rotated in; resolve reloads (rate-limited).
        const key = typeof header.kid === 'string' ? await keyRing.resolve(header.kid) : undefined;
        if (!key || header.alg !== key.alg) throw new Error('no server key for this token');
        return key.publicKey;
      },
      {
        algorithms: ALGORITHMS,
        issuer: check.issuer,
        currentDate: new Date(check.nowMs),
        clockTolerance: ACCESS_TOKEN_RULES.clockToleranceS,
        requiredClaims: ['exp', 'sub'],
        ...(check.typ === undefined ? {} : { typ: check.typ }),
        ...(check.audience === undefined ? {} : { audience: check.audience }),
      },
    );
    return typeof payload.sub === 'string' ? { header: protectedHeader, payload: payload as JWTPayload & { sub: string } } : undefined;
  } catch {
    return undefined;
  }
}
