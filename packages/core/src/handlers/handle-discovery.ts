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

const PUBLIC_CACHE = { 'cache-control': 'public, max-age=300' };

/** `GET /.well-known/jwks.json`: current and previous public keys, with `kid`. */
export function handleJwks(ctx: HandlerContext): OAuthResponse {
  return jsonResponse(200, ctx.mint.keyRing.jwks(), PUBLIC_CACHE);
}

/** `GET /.well-known/openid-configuration`. */
export function handleDiscovery(ctx: HandlerContext): OAuthResponse {
  const issuer = ctx.mint.issuer;
  const algs = [...new Set(ctx.index.config.clients.map((c) => c.jwt_configuration.alg)), 'RS256'];
  return jsonResponse(
    200,
    {
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
    },
    PUBLIC_CACHE,
  );
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
