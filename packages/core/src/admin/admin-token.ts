import { ConfigurationError } from '../errors/oauth-error.js';
import { constantTimeEqualBytes } from '../util/constant-time.js';

/** Shortest admin token accepted (characters), so it cannot be guessed online. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;
const MAX_ADMIN_TOKEN_LENGTH = 1024;

const encoder = new TextEncoder();

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** A checker of presented admin tokens; only the configured token's digest is kept. */
export interface AdminTokenCheck {
  /** True when `presented` is the admin token. */
  matches(presented: string): Promise<boolean>;
}

/**
 * Prepares the check of the admin API's bearer token. The token must be 32–1024 visible ASCII
 * characters (no spaces), else a `ConfigurationError` is thrown. A presented token is compared by
 * its SHA-256 digest with `constantTimeEqualBytes`: both sides are 32 bytes whatever was sent, so
 * neither the time taken nor an early exit tells how much of it was right, nor how long the token is.
 *
 * @example
 * const check = await prepareAdminToken(process.env.OAUTH_RO_ADMIN_TOKEN!);
 * await check.matches(bearer); // true or false
 */
export async function prepareAdminToken(token: string): Promise<AdminTokenCheck> {
  if (typeof token !== 'string' || token.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigurationError('adminToken', `must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters`);
  }
  if (token.length > MAX_ADMIN_TOKEN_LENGTH || !/^[\x21-\x7e]+$/.test(token)) {
    throw new ConfigurationError('adminToken', `must be at most ${MAX_ADMIN_TOKEN_LENGTH} visible ASCII characters, without spaces`);
  }
  const expected = await sha256(token);
  return {
    async matches(presented) {
      return constantTimeEqualBytes(await sha256(presented), expected);
    },
  };
}
