import { oauthError, type OAuthError } from '@oauth-ro/core/ports';

/** Seconds a client is told to wait before trying an unreachable directory again. */
const RETRY_AFTER_SECONDS = 5;

/**
 * The 503 every directory outage becomes; the description names the connection (docs/spec.md §3) and says
 * nothing about hosts, DNs or the underlying error, which go to the log instead.
 *
 * @example
 * unavailable('corp'); // { code: 'temporarily_unavailable', description: 'connection corp: the directory is unreachable' }
 */
export function unavailable(connection: string, what = 'the directory is unreachable'): OAuthError {
  return oauthError('temporarily_unavailable', `connection ${connection}: ${what}`, RETRY_AFTER_SECONDS);
}
