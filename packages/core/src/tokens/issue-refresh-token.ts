import type { ClientConfig } from '../config/types.js';
import type { CoreDeps } from '../ports/deps.js';
import type { UserRecord } from '../ports/user-store.js';
import { base64UrlEncode, toHex } from '../util/encoding.js';
import { hashToken } from './hash-token.js';
import { idleDeadline } from './idle-deadline.js';
import { revokeBeyondLimit } from './live-families.js';
import { refreshTokenPolicyOf } from './refresh-token-policy.js';

/** Bytes of entropy in a refresh token (256 bits). */
const TOKEN_BYTES = 32;

/**
 * A new opaque refresh token: 256 bits from `random`, base64url, and its record id.
 *
 * @example const { token, token_hash, id } = await newRefreshToken(deps.random);
 */
export async function newRefreshToken(random: CoreDeps['random']): Promise<{ token: string; token_hash: string; id: string }> {
  const token = base64UrlEncode(random.bytes(TOKEN_BYTES));
  return { token, token_hash: await hashToken(token), id: toHex(random.bytes(16)) };
}

/**
 * Issues a refresh token at login when the scope has `offline_access` and a `device` was named
 * (docs/spec.md §3), and a refresh token store is configured; otherwise undefined. The token starts a new
 * family, bound to user, client and device (and to the API `audience` named at `/oauth/token`, so a
 * refresh mints for it again), expiring (absolutely and when idle) per the client's policy. As at
 * Auth0, a user keeps at most 200 live families per client: past that, the oldest are revoked.
 *
 * @example
 * const refresh_token = await issueRefreshToken(deps, client, user, ['openid', 'offline_access'], 'iPhone');
 */
export async function issueRefreshToken(
  deps: Pick<CoreDeps, 'refreshTokens' | 'random' | 'clock'>,
  client: ClientConfig,
  user: UserRecord,
  scope: readonly string[],
  device: string | undefined,
  audience?: string,
): Promise<string | undefined> {
  if (!deps.refreshTokens || !device || !scope.includes('offline_access')) return undefined;
  const policy = refreshTokenPolicyOf(client);
  const now = deps.clock.now();
  const { token, token_hash, id } = await newRefreshToken(deps.random);
  await deps.refreshTokens.create({
    id,
    token_hash,
    family_id: `dcr_${toHex(deps.random.bytes(12))}`,
    user_id: user.user_id,
    client_id: client.client_id,
    device,
    scope: scope.join(' '),
    ...(audience === undefined ? {} : { audience }),
    rotating: policy.rotation_type === 'rotating',
    created_at: now,
    ...(policy.expiration_type === 'expiring' ? { expires_at: now + policy.token_lifetime * 1000 } : {}),
    ...idleDeadline(policy, now),
  });
  await revokeBeyondLimit(deps.refreshTokens, user.user_id, client.client_id, now);
  return token;
}
