import type { RedisStoreOptions } from './options.js';

/**
 * Takes `?prefix=name` off a `redis://` (or `rediss://`) URL into `options.prefix` (the client
 * would not know it), like `?schema=` on a PostgreSQL URL; a prefix both in the URL and in
 * `options` must agree. A URL that does not parse is refused without echoing it.
 *
 * @example resolveUrl('redis://cache:6379?prefix=prod'); // { url: 'redis://cache:6379', options: { prefix: 'prod' } }
 */
export function resolveUrl(value: string, options: RedisStoreOptions = {}): { readonly url: string; readonly options: RedisStoreOptions } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('not a valid redis:// URL');
  }
  const prefix = url.searchParams.get('prefix');
  if (prefix === null) return { url: value, options };
  if (options.prefix !== undefined && options.prefix !== prefix) {
    throw new Error(`Redis key prefix given twice: ${JSON.stringify(prefix)} in the URL, ${JSON.stringify(options.prefix)} in the options`);
  }
  url.searchParams.delete('prefix');
  return { url: url.toString(), options: { ...options, prefix } };
}
