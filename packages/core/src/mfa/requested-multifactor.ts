import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { PostLoginChanges } from '../ports/login-hooks.js';
import { err, ok, type Result } from '../util/result.js';

/**
 * Auth0's providers a Rule or Action may name that this server's one factor (TOTP) serves: `any`,
 * and the legacy `guardian` and `google-authenticator` (Auth0's Universal Login offers OTP under all
 * three). `duo` and other values are refused.
 */
const TOTP_PROVIDERS: ReadonlySet<string> = new Set(['any', 'guardian', 'google-authenticator']);

/**
 * Whether the post-login step (a Rule's `context.multifactor`, an Action's
 * `api.multifactor.enable`) asked for a second factor (docs/spec.md §5.9). `provider: 'none'` and
 * no request ask for nothing: they never switch off a connection's `options.mfa`, Auth0 documents
 * no value that would. A provider this server cannot serve is Auth0's 400 `Provider … not supported`,
 * so that a Rule asking for Duo is never answered with tokens.
 *
 * @example requestedMultifactor({ multifactor: { provider: 'any' } }); // ok(true)
 */
export function requestedMultifactor(changes: PostLoginChanges | undefined): Result<boolean, OAuthError> {
  const provider = changes?.multifactor?.provider;
  if (provider === undefined || provider === 'none') return ok(false);
  if (TOTP_PROVIDERS.has(provider)) return ok(true);
  return err(oauthError('mfa_provider_not_supported', `Provider ${provider.slice(0, 64)} not supported`));
}
