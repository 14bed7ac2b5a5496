import { ConfigurationError } from '../errors/oauth-error.js';
import { parseOriginPattern } from '../http/origin-pattern.js';
import type { ClientConfig } from './types.js';

type UrlFields = Pick<ClientConfig, 'allowed_origins' | 'web_origins' | 'callbacks' | 'allowed_logout_urls'>;

function stringList(value: unknown, path: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new ConfigurationError(path, 'must be an array of strings');
  return value.map((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') throw new ConfigurationError(`${path}[${i}]`, 'must be a non-empty string');
    return item.trim();
  });
}

/**
 * Validates a client's browser-facing URLs (Auth0 Management API names): `allowed_origins` and
 * `web_origins` must be http(s) origins (a leading `*.` label allowed), `callbacks` and
 * `allowed_logout_urls` absolute URLs (a custom scheme such as `com.example.app://callback` is
 * fine; only http(s) callbacks grant CORS). Throws {@link ConfigurationError} naming the path.
 *
 * @example
 * normalizeClientUrls({ allowed_origins: ['https://app.example.com'] }, 'clients[0]');
 * // { allowed_origins: ['https://app.example.com'] }
 */
export function normalizeClientUrls(raw: Readonly<Record<string, unknown>>, path: string): UrlFields {
  const out: { -readonly [K in keyof UrlFields]: UrlFields[K] } = {};
  for (const field of ['allowed_origins', 'web_origins'] as const) {
    const list = stringList(raw[field], `${path}.${field}`);
    if (!list) continue;
    list.forEach((origin, i) => {
      const parsed = parseOriginPattern(origin);
      if (!parsed.ok) throw new ConfigurationError(`${path}.${field}[${i}]`, `"${origin.slice(0, 100)}" ${parsed.reason}`);
    });
    out[field] = list;
  }
  for (const field of ['callbacks', 'allowed_logout_urls'] as const) {
    const list = stringList(raw[field], `${path}.${field}`);
    if (!list) continue;
    list.forEach((url, i) => {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) throw new ConfigurationError(`${path}.${field}[${i}]`, `"${url.slice(0, 100)}" is not an absolute URL`);
    });
    out[field] = list;
  }
  return out;
}
