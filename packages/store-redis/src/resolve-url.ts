import { takeUrlOption } from '@oauth-ro/core/ports';
import type { RedisStoreOptions } from './options.js';

/**
 * Takes `?prefix=name` off a `redis://` (or `rediss://`) URL into `options.prefix` (the client
 * would not know it), like `?schema=` on a PostgreSQL URL; a prefix both in the URL and in
 * `options` must agree. A URL that does not parse is refused without echoing it.
 *
 * @example resolveUrl('redis://cache:6379?prefix=prod'); // { url: 'redis://cache:6379', options: { prefix: 'prod' } }
 */
export function resolveUrl(value: string, options: RedisStoreOptions = {}): { readonly url: string; readonly options: RedisStoreOptions } {
  const { url, option: prefix } = takeUrlOption(value, 'prefix', 'redis', options.prefix);
  return { url, options: prefix === undefined ? options : { ...options, prefix } };
}
