import { jsonResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import type { HandlerContext } from './context.js';
import { handleReady } from './handle-health-probes.js';

/** What `/oauth/token` serves (OIDC clients read it), then the jwt-bearer grant of `/oauth/ro` and `/delegation`. */
const TOKEN_ENDPOINT_GRANTS = [
  'password',
  'http://auth0.com/oauth/grant-type/password-realm',
  'http://auth0.com/oauth/grant-type/passwordless/otp',
  'http://auth0.com/oauth/grant-type/mfa-otp',
  'client_credentials',
  'refresh_token',
  'urn:ietf:params:oauth:grant-type:token-exchange',
  'urn:ietf:params:oauth:grant-type:jwt-bearer',
];

/** JWKS and discovery may be cached for five minutes, so no `Pragma: no-cache` (docs/spec.md §3.7). */
const PUBLIC_JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' });

function publicJsonResponse(body: unknown): OAuthResponse {
  return Object.freeze({ status: 200, headers: PUBLIC_JSON_HEADERS, body: JSON.stringify(body) });
}

/** The last JWKS answer of each key ring, with the keys it was built from. */
const jwksAnswers = new WeakMap<object, { readonly keys: readonly unknown[]; readonly response: OAuthResponse }>();

/**
 * `GET /.well-known/jwks.json`: current and previous public keys, with `kid`. The key ring hands out
 * the same JWK objects until its keys change (a rotation, a reload, a retired key aging out), so the
 * answer is serialised once per change of that list, not per request.
 */
export function handleJwks(ctx: HandlerContext): OAuthResponse {
  const keyRing = ctx.mint.keyRing;
  const { keys } = keyRing.jwks();
  const last = jwksAnswers.get(keyRing);
  if (last && last.keys.length === keys.length && last.keys.every((key, i) => key === keys[i])) return last.response;
  const response = publicJsonResponse({ keys });
  jwksAnswers.set(keyRing, { keys, response });
  return response;
}

/** `GET /.well-known/openid-configuration`. */
export function handleDiscovery(ctx: HandlerContext): OAuthResponse {
  const issuer = ctx.mint.issuer;
  const algs = [...new Set(ctx.index.config.clients.map((c) => c.jwt_configuration.alg)), 'RS256'];
  return publicJsonResponse({
    issuer,
    jwks_uri: `${issuer}.well-known/jwks.json`,
    userinfo_endpoint: `${issuer}userinfo`,
    token_endpoint: `${issuer}oauth/token`,
    response_types_supported: ['token', 'id_token', 'token id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [...new Set(algs)],
    grant_types_supported: TOKEN_ENDPOINT_GRANTS,
    revocation_endpoint: `${issuer}oauth/revoke`,
    token_endpoint_auth_methods_supported: ['none', 'client_secret_post', 'client_secret_basic'],
    scopes_supported: ['openid', 'profile', 'email', 'name', 'nickname', 'picture', 'email_verified', 'offline_access'],
    claims_supported: ['iss', 'sub', 'aud', 'iat', 'exp', 'name', 'nickname', 'picture', 'email', 'email_verified'],
  });
}

/** `GET /health`: liveness; `GET /health?ready`: the same answer as `/health/ready`. */
export function handleHealth(ctx: HandlerContext, request: OAuthRequest): OAuthResponse | Promise<OAuthResponse> {
  if (request.query !== undefined && new URLSearchParams(request.query).has('ready')) return handleReady(ctx);
  return jsonResponse(200, { status: 'ok' });
}

/** `GET /metrics`: Prometheus text of this process's request and login counters and latencies. */
export function handleMetrics(ctx: HandlerContext): OAuthResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
    body: ctx.metrics.render(),
  };
}
