import type { OAuthError } from '../errors/oauth-error.js';
import type { CodeStore } from '../ports/code-store.js';
import { err, ok, type Result } from '../util/result.js';
import { hashCode, hashLinkToken } from './hash-code.js';
import { wrongCode } from './verify-code.js';

/** A numeric code (what `send=code`, `link_ios` and `link_android` deliver); anything else is a link token. */
const NUMERIC_CODE = /^\d{1,12}$/;

/** What is presented, and for what. */
export interface PresentedSecret {
  readonly strategy: 'sms' | 'email';
  readonly connection: string;
  readonly recipient: string;
  /** The `verification_code`: a code, or a link's token. */
  readonly secret: string;
  /** A link token's binding ({@link linkBinding}); codes are not bound. */
  readonly binding: string;
  readonly at: number;
}

/**
 * Presents a passwordless code or link token (docs/spec.md §5.11): numeric codes are hashed as codes,
 * anything else as a link token bound to the client and parameters it was issued for. `consume`
 * spends it (`verify_redirect`); `check` leaves a right one in place (`POST /passwordless/verify`,
 * which Auth0's SDKs call just before the redirect). Every failure is the same wrong-code answer.
 *
 * @example const used = await presentSecret(deps.codes, codeKey, 'consume', { strategy: 'email', connection: 'email', recipient, secret, binding, at: Date.now() });
 */
export async function presentSecret(
  codes: CodeStore,
  codeKey: CryptoKey,
  how: 'check' | 'consume',
  presented: PresentedSecret,
): Promise<Result<void, OAuthError>> {
  const { strategy, connection, recipient, binding, at } = presented;
  const secret = presented.secret.trim();
  const hash = NUMERIC_CODE.test(secret)
    ? await hashCode(codeKey, connection, recipient, secret)
    : await hashLinkToken(codeKey, connection, recipient, binding, secret);
  const outcome = how === 'check' ? await codes.check(connection, recipient, hash, at) : await codes.consume(connection, recipient, hash, at);
  return outcome.outcome === 'accepted' ? ok(undefined) : err(wrongCode(strategy));
}
