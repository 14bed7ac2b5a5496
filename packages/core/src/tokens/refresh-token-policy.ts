import { DEFAULT_REFRESH_TOKEN_POLICY } from '../config/normalize-token-lifecycle.js';
import type { ClientConfig, RefreshTokenPolicy } from '../config/types.js';

/**
 * The refresh token policy of a client, defaults applied.
 *
 * @example refreshTokenPolicyOf(client).rotation_type; // 'non-rotating'
 */
export function refreshTokenPolicyOf(client: ClientConfig): RefreshTokenPolicy {
  return client.refresh_token ?? DEFAULT_REFRESH_TOKEN_POLICY;
}
