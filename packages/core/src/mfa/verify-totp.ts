import type { HandlerContext } from '../handlers/context.js';
import type { MfaEnrollmentRecord } from '../ports/mfa-enrollment-store.js';
import { constantTimeEqual } from '../util/constant-time.js';
import { openTotpSecret } from './seal-secret.js';
import { base32Decode, TOTP_PERIOD_S, totpCodes, totpStep } from './totp.js';

/** How a TOTP code compared: `unreadable` when the sealed secret could not be opened (another key). */
export type TotpOutcome = 'accepted' | 'wrong' | 'replayed' | 'unreadable';

/** Steps either side of now that are accepted, for clock drift and typing time (RFC 6238 §5.2). */
export const TOTP_WINDOW_STEPS = 1;

/** The replay marker of one accepted step of one enrolment, in the `UsedAssertionStore`. */
export const totpMarkerKey = (enrollment_id: string, step: number) => `mfa:${enrollment_id}:${step}`;

/**
 * Checks a 6-digit code against an enrolment's secret at the clock's now, ±1 step: all three
 * candidates are computed and compared in constant time whatever matches. An accepted step is
 * marked `mfa:<enrolment id>:<step>` in the used-assertion store until the window has passed it, so
 * the same code (or another of that step) is accepted once, also across instances and in parallel.
 * docs/spec.md §5.9.
 *
 * @example const outcome = await verifyTotp(ctx, record, '287082'); // 'accepted'
 */
export async function verifyTotp(ctx: HandlerContext, record: MfaEnrollmentRecord, code: string): Promise<TotpOutcome> {
  const mfa = ctx.mfa;
  if (!mfa) return 'unreadable';
  const secret_base32 = await openTotpSecret(record.sealed_secret, record.id, mfa.sealKey);
  const secret = secret_base32 === undefined ? undefined : base32Decode(secret_base32);
  if (!secret) return 'unreadable';
  const candidate = /^\d{6}$/.test(code) ? code : '------';
  const now = ctx.deps.clock.now();
  const step = totpStep(now);
  const steps = Array.from({ length: 2 * TOTP_WINDOW_STEPS + 1 }, (_, i) => step - TOTP_WINDOW_STEPS + i);
  const expected = await totpCodes(secret, steps);
  let matched: number | undefined;
  steps.forEach((s, i) => {
    if (constantTimeEqual(candidate, expected[i]!) && matched === undefined) matched = s;
  });
  if (matched === undefined) return 'wrong';
  const used = ctx.deps.usedAssertions;
  if (!used) return 'accepted';
  // The marker lives until the last instant the step could still be accepted (step + window + 1).
  const expires_at = (matched + TOTP_WINDOW_STEPS + 1) * TOTP_PERIOD_S * 1000;
  return (await used.markUsed(totpMarkerKey(record.id, matched), expires_at, now)) ? 'accepted' : 'replayed';
}
