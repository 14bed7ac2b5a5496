import type { ClientConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import type { RefreshTokenRecord } from '../ports/refresh-token-store.js';
import type { UserRecord } from '../ports/user-store.js';
import { err, ok, type Result } from '../util/result.js';
import { hashToken } from './hash-token.js';
import { idleDeadline } from './idle-deadline.js';
import { newRefreshToken } from './issue-refresh-token.js';
import { refreshTokenPolicyOf } from './refresh-token-policy.js';

/** A refresh token that was accepted, with its user. */
export interface RedeemedRefreshToken {
  readonly user: UserRecord;
  readonly record: RefreshTokenRecord;
  /** The successor to hand back when the client rotates its tokens. */
  readonly refresh_token?: string;
}

/** Longer than any token we issue; anything longer is not worth hashing. */
const MAX_TOKEN_LENGTH = 512;

/**
 * Presents a refresh token for a client, in one atomic store step: unknown, revoked, expired,
 * idle past the client's idle lifetime or another client's token → `invalidCode` (an accepted use
 * restarts the idle window); with `rotate` and a rotating client, a successor is
 * issued; a rotated token reused after the client's leeway revokes its whole family (and is
 * logged). The user must still exist and not be blocked.
 *
 * @example
 * const r = await redeemRefreshToken(deps, client, token, { rotate: true, invalidCode: 'invalid_refresh_grant' });
 */
export async function redeemRefreshToken(
  deps: Pick<CoreDeps, 'refreshTokens' | 'users' | 'random' | 'clock' | 'logger'>,
  client: ClientConfig,
  token: string,
  options: { readonly rotate: boolean; readonly invalidCode: 'invalid_refresh_token' | 'invalid_refresh_grant' },
): Promise<Result<RedeemedRefreshToken, OAuthError>> {
  const invalid = err(oauthError(options.invalidCode));
  if (!deps.refreshTokens || token.length > MAX_TOKEN_LENGTH) return invalid;
  const policy = refreshTokenPolicyOf(client);
  const now = deps.clock.now();
  const successor = options.rotate && policy.rotation_type === 'rotating' ? await newRefreshToken(deps.random) : undefined;
  const used = await deps.refreshTokens.use(
    await hashToken(token),
    client.client_id,
    now,
    successor && {
      successor: { id: successor.id, token_hash: successor.token_hash, created_at: now },
      leeway_ms: policy.leeway * 1000,
    },
    idleDeadline(policy, now).idle_expires_at,
  );
  if (used.outcome === 'invalid') return invalid;
  if (used.outcome === 'reused') {
    deps.logger?.warn(
      { event: 'ferrt', family_id: used.record.family_id, user_id: used.record.user_id, client_id: client.client_id },
      'rotated refresh token reused; family revoked',
    );
    return invalid;
  }
  const user = await deps.users.findById(used.record.user_id);
  if (!user) return invalid;
  if (user.blocked) return err(oauthError('unauthorized', 'user is blocked'));
  return ok({
    user,
    record: used.record,
    ...(used.outcome === 'rotated' && successor ? { refresh_token: successor.token } : {}),
  });
}
