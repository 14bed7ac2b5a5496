import { UnavailableError } from '@oauth-ro/core/ports';
import { isUnavailableReply } from './is-unavailable-reply.js';

/**
 * Turns a Redis outage into core's `UnavailableError` (answered 503 with `Retry-After`); other
 * errors are returned unchanged.
 *
 * @example try { await redis.get(key) } catch (error) { throw toStoreError(error) }
 */
export function toStoreError(error: unknown): unknown {
  if (!isUnavailableReply(error)) return error;
  return new UnavailableError(`Redis is unavailable (${(error as Error).message.slice(0, 120)})`, 1);
}
