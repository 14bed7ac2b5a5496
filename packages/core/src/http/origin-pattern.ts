/**
 * A browser origin a client lists, as Auth0 accepted them: `https://app.example.com`,
 * `http://localhost:3000`, or a subdomain wildcard `https://*.example.com` (one label).
 */
export interface OriginPattern {
  readonly scheme: 'http:' | 'https:';
  /** Lower-case host; for a wildcard, the part after `*.`. */
  readonly host: string;
  /** `''` for the scheme's default port. */
  readonly port: string;
  readonly wildcard: boolean;
}

/** Stands in for `*` while the URL parser reads a wildcard origin (a label `*` is not a valid host). */
const WILDCARD_LABEL = 'oauth-ro-wildcard-label';

/**
 * Parses a configured origin (or URL: only its origin counts) into a pattern; a string that is not
 * an http(s) URL, carries credentials, or puts `*` anywhere but a leading `*.` label before at least
 * two more labels, answers why it is refused.
 *
 * @example parseOriginPattern('https://*.example.com'); // { ok: true, value: { scheme: 'https:', host: 'example.com', port: '', wildcard: true } }
 */
export function parseOriginPattern(text: string): { ok: true; value: OriginPattern } | { ok: false; reason: string } {
  const wildcard = /^[a-z][a-z0-9+.-]*:\/\/\*\./i.test(text);
  const source = wildcard ? text.replace('://*.', `://${WILDCARD_LABEL}.`) : text;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return { ok: false, reason: 'is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'must be an http or https origin' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'must not carry credentials' };
  if (url.hostname.includes('*')) {
    return { ok: false, reason: 'may use * only as a whole leading label, as in https://*.example.com' };
  }
  let host = url.hostname.toLowerCase();
  if (wildcard) {
    host = host.slice(WILDCARD_LABEL.length + 1);
    if (host.split('.').length < 2) return { ok: false, reason: 'a wildcard needs at least two labels after *. (https://*.example.com)' };
  }
  return { ok: true, value: { scheme: url.protocol, host, port: url.port, wildcard } };
}

/**
 * Whether an `Origin` header (exactly a serialised origin; `null` never matches) is one a pattern allows.
 *
 * @example originMatches(pattern, 'https://shop.example.com'); // true for https://*.example.com
 */
export function originMatches(pattern: OriginPattern, origin: string): boolean {
  const parsed = parseRequestOrigin(origin);
  if (!parsed || parsed.scheme !== pattern.scheme || parsed.port !== pattern.port) return false;
  if (!pattern.wildcard) return parsed.host === pattern.host;
  const suffix = `.${pattern.host}`;
  if (!parsed.host.endsWith(suffix)) return false;
  const label = parsed.host.slice(0, -suffix.length);
  return label !== '' && !label.includes('.');
}

/** A request's `Origin` as scheme, host and port, when it is a plain http(s) origin. */
function parseRequestOrigin(origin: string): { scheme: string; host: string; port: string } | undefined {
  if (origin.length > 2048) return undefined;
  try {
    const url = new URL(origin);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin) return undefined;
    return { scheme: url.protocol, host: url.hostname, port: url.port };
  } catch {
    return undefined;
  }
}
