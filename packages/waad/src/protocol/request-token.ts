import type { WaadOptions } from '../options/parse-waad-options.js';
import { fetchJson } from './fetch-json.js';

/** The error body Entra ID sends with a 4xx (Microsoft identity platform error response). */
export interface AadErrorBody {
  readonly error: string;
  readonly error_description?: string;
  readonly error_codes?: readonly number[];
  readonly trace_id?: string;
  readonly correlation_id?: string;
}

/** The outcome of one resource-owner password grant. */
export type TokenReply =
  | { readonly kind: 'id_token'; readonly idToken: string }
  | { readonly kind: 'refused'; readonly status: number; readonly body: AadErrorBody }
  | { readonly kind: 'unavailable'; readonly reason: string; readonly retryAfter?: number };

/** The scopes the grant asks for: an id_token with the profile and the email. */
export const TOKEN_SCOPE = 'openid profile email';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asErrorBody(body: Record<string, unknown>): AadErrorBody | undefined {
  if (typeof body.error !== 'string') return undefined;
  const codes = Array.isArray(body.error_codes) ? body.error_codes.filter((c): c is number => Number.isInteger(c)) : [];
  return {
    error: body.error,
    error_codes: codes,
    ...(typeof body.error_description === 'string' ? { error_description: body.error_description } : {}),
    ...(typeof body.trace_id === 'string' ? { trace_id: body.trace_id } : {}),
    ...(typeof body.correlation_id === 'string' ? { correlation_id: body.correlation_id } : {}),
  };
}

/**
 * `POST {authority}/{tenant_domain}/oauth2/v2.0/token` with `grant_type=password` (ROPC). Entra ID
 * refusals (4xx with an error body) come back as `refused`; 5xx, throttling, network failures and
 * anything malformed as `unavailable`.
 *
 * @example
 * const reply = await requestToken(options, 'jdoe@contoso.com', 'pw', 10_000);
 */
export async function requestToken(
  options: WaadOptions,
  username: string,
  password: string,
  timeoutMs: number,
): Promise<TokenReply> {
  const form = new URLSearchParams({
    grant_type: 'password',
    client_id: options.clientId,
    scope: TOKEN_SCOPE,
    username,
    password,
  });
  if (options.clientSecret !== undefined) form.set('client_secret', options.clientSecret);
  const reply = await fetchJson(
    options.tokenEndpoint,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    },
    timeoutMs,
  );
  if (reply.kind === 'unreachable') return { kind: 'unavailable', reason: reply.reason };
  const { status, body } = reply;
  const retry = reply.retryAfter === undefined ? {} : { retryAfter: reply.retryAfter };
  if (status >= 500 || status === 429) return { kind: 'unavailable', reason: `HTTP ${status}`, ...retry };
  if (!isRecord(body)) return { kind: 'unavailable', reason: `HTTP ${status} with an unexpected body` };
  if (status === 200) {
    if (typeof body.id_token === 'string' && body.id_token.length > 0) return { kind: 'id_token', idToken: body.id_token };
    return { kind: 'unavailable', reason: 'the token response carried no id_token' };
  }
  const error = asErrorBody(body);
  if (status >= 400 && error) return { kind: 'refused', status, body: error };
  return { kind: 'unavailable', reason: `HTTP ${status} with an unexpected body` };
}
