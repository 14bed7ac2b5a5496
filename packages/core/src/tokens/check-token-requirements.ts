import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { err, ok, type Result } from '../util/result.js';
import type { TokenClaims } from './verify-access-token.js';

/** What a protected route requires of an access token beyond being ours and unexpired. */
export interface TokenRequirements {
  /** An API identifier (or any audience) the token's `aud` must include; else 401 `invalid_token`. */
  readonly audience?: string;
  /** Scope words the token's `scope` must all carry; else 403 `insufficient_scope`. */
  readonly scopes?: readonly string[];
}

/**
 * Whether verified claims meet a protected route's requirements: the audience among `aud` (else
 * 401 `invalid_token`), every scope word in `scope` (else 403 `insufficient_scope`); without an
 * audience requirement, a `client_credentials` token (no user) is refused with 401 `invalid_token`.
 * The one check behind `verifyAccessToken`'s requirements and the adapters' `requireAuth`/`authenticate`.
 *
 * @example checkTokenRequirements(claims, { audience: 'https://api.example.com/', scopes: ['read:notes'] });
 */
export function checkTokenRequirements(claims: TokenClaims, requirements: TokenRequirements): Result<TokenClaims, OAuthError> {
  // A machine's token (`sub` `{client_id}@clients`) names no user: it is only good where its API is required.
  if (requirements.audience === undefined && claims.gty === 'client-credentials') {
    return err(oauthError('invalid_token', 'a client_credentials token is accepted only where its API audience is required'));
  }
  if (requirements.audience !== undefined) {
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!aud.includes(requirements.audience)) return err(oauthError('invalid_token', 'the token is not for this audience'));
  }
  if (requirements.scopes && requirements.scopes.length > 0) {
    const granted = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    const lacking = requirements.scopes.filter((s) => !granted.includes(s));
    if (lacking.length > 0) return err(oauthError('insufficient_scope', `the token lacks the scope ${lacking.join(' ')}`));
  }
  return ok(claims);
}
