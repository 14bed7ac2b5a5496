import type { ConnectionConfig } from '../config/types.js';
import { UnavailableError } from '../errors/unavailable-error.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { fetchLimitedText } from '../util/fetch-limited-text.js';
import { err, type Result } from '../util/result.js';

/** A user as a social provider vouched for them. */
export interface SocialIdentity {
  /** The provider's user id; the user is `{strategy}|{id}`. */
  readonly id: string;
  readonly email?: string;
  readonly profile: Readonly<Record<string, unknown>>;
}

/** The real providers' base URLs; a connection's `provider_base_url` replaces them (local stand-ins in tests). */
export const PROVIDER_BASE_URLS = {
  facebook: 'https://graph.facebook.com',
  'google-oauth2': 'https://www.googleapis.com/oauth2/v3',
  apple: 'https://appleid.apple.com',
} as const;

/**
 * The base URL of a social connection's provider, without a trailing slash.
 *
 * @example providerBase(connection); // 'https://graph.facebook.com'
 */
export function providerBase(connection: ConnectionConfig & { strategy: keyof typeof PROVIDER_BASE_URLS }): string {
  const base = typeof connection.options.provider_base_url === 'string' ? connection.options.provider_base_url : PROVIDER_BASE_URLS[connection.strategy];
  return base.replace(/\/+$/, '');
}

/**
 * A refusal of the presented provider token: 403 `invalid_grant` saying why (never the token).
 *
 * @example refused('the token was issued to another app');
 */
export function refused(why: string): Result<never, OAuthError> {
  return err(oauthError('invalid_subject_token', why));
}

/**
 * One call to a provider, its JSON answer parsed: status and body, or 503 (thrown) when the provider
 * cannot be reached or answers something that is not JSON.
 *
 * @example const { status, json } = await callProvider(url, { method: 'GET' }, 'facebook');
 */
export async function callProvider(url: string, init: RequestInit, provider: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const reply = await fetchLimitedText(url, { ...init, headers: { accept: 'application/json', ...(init.headers as Record<string, string> | undefined) } }, { timeoutMs: 10_000, maxBytes: 256 * 1024 });
  if (reply.kind === 'unreachable') throw new UnavailableError(`${provider}: ${reply.reason}`, 5);
  try {
    const json = JSON.parse(reply.text) as unknown;
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('not an object');
    return { status: reply.status, json: json as Record<string, unknown> };
  } catch {
    if (reply.status >= 500) throw new UnavailableError(`${provider}: answered ${reply.status}`, 5);
    return { status: reply.status, json: {} };
  }
}
