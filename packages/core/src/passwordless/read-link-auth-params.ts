import type { ClientConfig } from '../config/types.js';
import type { OAuthErrorCode } from '../errors/error-table.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { allowedCallback } from '../legacy/callback-allowed.js';
import { err, ok, type Result } from '../util/result.js';

/** The implicit response types a passwordless link can deliver, in their normal word order. */
export type LinkResponseType = 'token' | 'id_token' | 'id_token token';

/** What a magic link (or `verify_redirect`) logs in for: Auth0's `authParams`, checked against the client. */
export interface LinkAuthParams {
  /** One of the client's `callbacks`, as the URL parser serialises it. */
  readonly redirect_uri: string;
  readonly response_type: LinkResponseType;
  /** Space-separated, as sent (default `openid`). */
  readonly scope: string;
  readonly state?: string;
  /** Copied into the id_token (OpenID Connect replay protection). */
  readonly nonce?: string;
}

const MAX_URL = 2048;
const MAX_VALUE = 512;

function text(raw: Readonly<Record<string, unknown>>, name: string, max: number, code: OAuthErrorCode): Result<string | undefined, OAuthError> {
  const value = Object.hasOwn(raw, name) ? raw[name] : undefined;
  if (value === undefined || value === null || value === '') return ok(undefined);
  if (typeof value !== 'string') return err(oauthError(code, `${name} must be a string`));
  if (value.length > max) return err(oauthError(code, `${name} must be at most ${max} characters`));
  return ok(value);
}

function responseType(value: string | undefined): Result<LinkResponseType, OAuthError> {
  if (value === undefined) return ok('token');
  const words = new Set(value.split(' ').filter((w) => w !== ''));
  if (words.size === 1 && words.has('token')) return ok('token');
  if (words.size === 1 && words.has('id_token')) return ok('id_token');
  if (words.size === 2 && words.has('token') && words.has('id_token')) return ok('id_token token');
  return err(oauthError('unsupported_response_type', `response_type ${value.slice(0, 40)} is not supported: use token, id_token or id_token token (this server has no authorization code flow)`));
}

/**
 * Reads and checks the authentication parameters of a passwordless link, from
 * `/passwordless/start`'s `authParams` or `/passwordless/verify_redirect`'s query (docs/spec.md §5.11):
 * `response_type` (default `token`; `code` is refused, there is no code flow), `redirect_uri`
 * (default the client's first callback; it must be one of its `callbacks`), `scope` (default
 * `openid`), `state`, `nonce`; `response_mode` may only be `fragment`. Values of the wrong type are
 * `code` (`bad_request` at start, `invalid_parameter` at redirect).
 *
 * @example readLinkAuthParams({ redirect_uri: 'https://app.example.com/cb', state: 'x' }, client, 'bad_request');
 * // { ok: true, value: { redirect_uri: 'https://app.example.com/cb', response_type: 'token', scope: 'openid', state: 'x' } }
 */
export function readLinkAuthParams(
  raw: Readonly<Record<string, unknown>>,
  client: ClientConfig,
  code: OAuthErrorCode,
): Result<LinkAuthParams, OAuthError> {
  const read: Record<string, string | undefined> = {};
  for (const [name, max] of [['redirect_uri', MAX_URL], ['response_type', 64], ['response_mode', 64], ['scope', MAX_URL], ['state', MAX_VALUE], ['nonce', MAX_VALUE]] as const) {
    const value = text(raw, name, max, code);
    if (!value.ok) return value;
    read[name] = value.value;
  }
  if (read.response_mode !== undefined && read.response_mode !== 'fragment') {
    return err(oauthError(code, 'response_mode must be fragment'));
  }
  const type = responseType(read.response_type);
  if (!type.ok) return type;
  const wanted = read.redirect_uri ?? client.callbacks?.[0];
  if (wanted === undefined) return err(oauthError('callback_mismatch', 'redirect_uri is missing and the client has no callbacks'));
  const redirect_uri = allowedCallback(client, wanted);
  if (redirect_uri === undefined) return err(oauthError('callback_mismatch'));
  return ok({
    redirect_uri,
    response_type: type.value,
    scope: read.scope?.trim().split(/\s+/).join(' ') || 'openid',
    ...(read.state === undefined ? {} : { state: read.state }),
    ...(read.nonce === undefined ? {} : { nonce: read.nonce }),
  });
}

/**
 * The canonical text a link token's hash is bound to: the client and every parameter the link asks
 * for, as JSON (never a raw NUL).
 *
 * @example linkBinding('spa', params); // '["spa","https://app.example.com/cb","token","openid",null,null]'
 */
export function linkBinding(client_id: string, params: LinkAuthParams): string {
  return JSON.stringify([client_id, params.redirect_uri, params.response_type, params.scope, params.state ?? null, params.nonce ?? null]);
}
