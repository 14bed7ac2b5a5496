import type { ClientConfig } from '../config/types.js';
import type { UserRecord } from '../ports/user-store.js';
import { signClaims, type MintContext } from './mint-tokens.js';
import { scopedClaims } from './profile-claims.js';

/**
 * An id_token alone for a client (its algorithm, lifetime and audience), claims shaped by scope as
 * on `/oauth/ro`: what `/delegation` returns.
 *
 * @example const id_token = await mintIdToken(ctx, targetClient, user, ['openid'], Date.now());
 */
export async function mintIdToken(
  ctx: MintContext,
  client: ClientConfig,
  user: UserRecord,
  scope: readonly string[],
  nowMs: number,
): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  const claims = {
    ...scopedClaims(user, scope),
    iss: ctx.issuer,
    sub: user.user_id,
    aud: client.client_id,
    iat,
    exp: iat + client.jwt_configuration.lifetime_in_seconds,
  };
  return signClaims(ctx, client, claims, client.jwt_configuration.alg);
}
