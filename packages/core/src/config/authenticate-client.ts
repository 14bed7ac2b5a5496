import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { constantTimeEqual } from '../util/constant-time.js';
import { err, ok, type Result } from '../util/result.js';
import type { ConfigIndex } from './resolve-client.js';
import type { ClientConfig, TokenEndpointAuthMethod } from './types.js';

/** What a request to `/oauth/token` or `/oauth/revoke` says about its client. */
export interface ClientCredentials {
  readonly client_id?: string;
  readonly client_secret?: string;
  /** The `Authorization` header, for `client_secret_basic`. */
  readonly authorization?: string;
}

function fromBasic(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  try {
    const text = atob(match[1]!);
    const colon = text.indexOf(':');
    if (colon < 0) return undefined;
    // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { id: decode(text.slice(0, colon)), secret: decode(text.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/** @example authMethodOf(client); // 'client_secret_post' */
export function authMethodOf(client: ClientConfig): TokenEndpointAuthMethod {
  return client.token_endpoint_auth_method ?? (client.client_secret === undefined ? 'none' : 'client_secret_post');
}

/**
 * Identifies and authenticates the client of an OAuth 2 endpoint (RFC 6749 §2.3): `client_id` in the
 * body or HTTP Basic. A confidential client (any method but `none`) must present its secret, in the
 * body or Basic, compared in constant time; a public client is identified by its id. Every failure
 * is the same 401 `invalid_client`.
 *
 * @example
 * const client = authenticateClient(ctx.index, { client_id, client_secret, authorization: headers.authorization });
 */
export function authenticateClient(index: ConfigIndex, credentials: ClientCredentials): Result<ClientConfig, OAuthError> {
  const basic = fromBasic(credentials.authorization);
  const id = basic?.id ?? credentials.client_id;
  const invalid = err(oauthError('invalid_client'));
  if (id === undefined || (basic && credentials.client_id !== undefined && credentials.client_id !== basic.id)) return invalid;
  const client = index.clients.get(id);
  if (!client) return invalid;
  const secret = basic?.secret ?? credentials.client_secret;
  if (authMethodOf(client) === 'none' && secret === undefined) return ok(client);
  if (secret === undefined || client.client_secret === undefined) return invalid;
  return constantTimeEqual(secret, client.client_secret) ? ok(client) : invalid;
}
