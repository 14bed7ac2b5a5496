import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { CodeStore } from '../ports/code-store.js';
import { err, ok, type Result } from '../util/result.js';
import { hashCode } from './hash-code.js';

/**
 * The contract's answer for a wrong, expired, spent or over-tried code (docs/spec.md §3), worded for the
 * connection's strategy as Auth0 worded it.
 *
 * @example wrongCode('email'); // invalid_user_password "Wrong email or verification code."
 */
export function wrongCode(strategy: 'sms' | 'email'): OAuthError {
  return strategy === 'sms'
    ? oauthError('invalid_passwordless_code')
    : oauthError('invalid_passwordless_code', 'Wrong email or verification code.');
}

/**
 * Presents a code for the recipient: hashes it under the server key and consumes it in one atomic
 * step of the code store (which counts a wrong try, or spends a right one). Every failure is the
 * same answer, whether the code was wrong, expired, replaced, used, or tried too often.
 *
 * @example const checked = await verifyCode(deps.codes, codeKey, 'sms', 'sms', '+15550100000', '042917', Date.now());
 */
export async function verifyCode(
  codes: CodeStore,
  codeKey: CryptoKey,
  strategy: 'sms' | 'email',
  connection: string,
  recipient: string,
  code: string,
  at: number,
): Promise<Result<void, OAuthError>> {
  const code_hash = await hashCode(codeKey, connection, recipient, code.trim());
  const used = await codes.consume(connection, recipient, code_hash, at);
  return used.outcome === 'accepted' ? ok(undefined) : err(wrongCode(strategy));
}
