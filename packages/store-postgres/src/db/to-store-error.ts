import { UnavailableError } from '@oauth-ro/core/ports';
import { isConnectionError } from './is-connection-error.js';

/**
 * Turns a connection failure into core's `UnavailableError` (answered 503 with `Retry-After`);
 * any other error is returned unchanged. The message names the store, never the URL (which may
 * carry a password).
 *
 * @example
 * try { await pool.query(sql) } catch (error) { throw toStoreError(error) }
 */
export function toStoreError(error: unknown): unknown {
  if (!isConnectionError(error)) return error;
  const detail = error instanceof Error ? ((error as { code?: string }).code ?? error.message) : 'unknown';
  return new UnavailableError(`PostgreSQL is unavailable (${detail})`, 1);
}
