import { parseOriginPattern } from '@oauth-ro/core/internal';
import type { Auth0Record, MigrationContext } from './migration-context.js';

/**
 * A client's browser-facing URLs as oauth-ro takes them: `allowed_origins` and `web_origins` (CORS),
 * `callbacks` (their http(s) origins are granted CORS too), `allowed_logout_urls` (`/logout?returnTo=`).
 * An entry oauth-ro would refuse (an origin that is not http(s), `*` outside a leading `*.` label, a
 * relative URL) is dropped with a warning that says why.
 *
 * @example
 * convertClientUrls({ allowed_origins: ['https://app.example.com', 'file://*'] }, 'clients[0]', context);
 * // { allowed_origins: ['https://app.example.com'] }, and a warning about file://*
 */
export function convertClientUrls(raw: Auth0Record, where: string, context: MigrationContext): Auth0Record {
  const out: Auth0Record = {};
  for (const field of ['allowed_origins', 'web_origins', 'callbacks', 'allowed_logout_urls'] as const) {
    const value = raw[field];
    if (!Array.isArray(value)) continue;
    const kept: string[] = [];
    value.forEach((entry, i) => {
      const text = typeof entry === 'string' ? entry.trim() : '';
      if (text === '') return;
      const origin = field === 'allowed_origins' || field === 'web_origins';
      const refused = origin ? (parseOriginPattern(text).ok ? undefined : (parseOriginPattern(text) as { reason: string }).reason) : /^[a-z][a-z0-9+.-]*:/i.test(text) ? undefined : 'is not an absolute URL';
      if (refused) context.warnings.push(`${where}.${field}[${i}]: "${text.slice(0, 100)}" ${refused}; dropped`);
      else kept.push(text);
    });
    if (kept.length > 0) out[field] = kept;
  }
  return out;
}
