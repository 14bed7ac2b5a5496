import { jwtVerify, type JWTPayload } from 'jose';
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

/** What a server key may sign with, as jose takes it. */
const ALGORITHMS = [...ACCESS_TOKEN_RULES.algorithms];

/** Thrown by the key lookup for a token no key of ours verifies: caught below, never seen. */
const NO_KEY = new Error('no server key for this token');

/**
 * Verifies a JWT signed by one of the server's own keys (found by `kid`, its `alg` required), with
 * the issuer, `exp` and `sub` required. Undefined for anything else. Internal to the token verifiers.
 * jose decodes the header once and hands it to the key lookup.
 *
 * @example const verified = await verifyServerSigned(keyRing, token, { issuer, nowMs: Date.now() });
 */
export async function verifyServerSigned(
  keyRing: KeyRing,
  token: string,
  check: ServerSignedCheck,
): Promise<{ payload: JWTPayload & { sub: string } } | undefined> {
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        if (typeof header.kid !== 'string') throw NO_KEY;
        // An unknown kid may be a key another instance just rotated in; resolve reloads (rate-limited).
        const key = await keyRing.resolve(header.kid);
        if (!key || header.alg !== key.alg) throw NO_KEY;
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
    return typeof payload.sub === 'string' ? { payload: payload as JWTPayload & { sub: string } } : undefined;
  } catch {
    return undefined;
  }
}
