import { decodeJwt } from 'jose';
import { parseBody } from './parse-body.js';
import type { OAuthRequest } from './types.js';

function stringParam(params: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = Object.hasOwn(params, name) ? params[name] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The client a token was issued to: an access token's `azp`, else its (first) `aud`. Not verified. */
function tokenClient(token: string | undefined): string | undefined {
  if (token === undefined || token.length > 16384) return undefined;
  try {
    const claims = decodeJwt(token);
    if (typeof claims.azp === 'string') return claims.azp;
    const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
    return typeof aud === 'string' ? aud : undefined;
  } catch {
    return undefined;
  }
}

function basicClientId(authorization: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) return undefined;
  try {
    const decoded = atob(match[1]!);
    const colon = decoded.indexOf(':');
    return colon > 0 ? decodeURIComponent(decoded.slice(0, colon)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The client a browser request speaks for, to choose whose origins CORS grants: `client_id` in the
 * query or body, HTTP Basic's user, else the client of the token it carries (`/userinfo`'s bearer
 * access token, `/tokeninfo`'s `id_token`). Undefined when it names none. The token is only
 * decoded here: the handler verifies it, and a forged one gets nothing but an error to read.
 *
 * @example requestClientId({ method: 'POST', path: '/oauth/ro', rawBody: '{"client_id":"spa"}', … }); // 'spa'
 */
export function requestClientId(request: OAuthRequest): string | undefined {
  const query = Object.fromEntries(new URLSearchParams(request.query ?? ''));
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : parseBody(request);
  const params: Readonly<Record<string, unknown>> = body?.ok ? body.value : {};
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  return (
    stringParam(query, 'client_id') ??
    stringParam(params, 'client_id') ??
    basicClientId(request.headers.authorization) ??
    tokenClient(bearer) ??
    tokenClient(stringParam(query, 'id_token') ?? stringParam(params, 'id_token'))
  );
}
