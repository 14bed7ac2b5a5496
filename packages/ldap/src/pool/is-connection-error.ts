import { ResultCodeError } from 'ldapts';

/**
 * True when an error means the connection itself failed (refused, reset, timed out, TLS), as opposed
 * to an LDAP result the directory sent back over a working connection.
 *
 * @example
 * if (isConnectionError(error)) pool.discard(client);
 */
export function isConnectionError(error: unknown): boolean {
  return !(error instanceof ResultCodeError);
}
