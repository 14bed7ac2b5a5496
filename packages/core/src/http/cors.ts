import type { CorsPolicy } from './cors-policy.js';
import { requestClientId } from './request-client-id.js';
import type { OAuthRequest, OAuthResponse } from './types.js';

/**
 * The routes a browser calls (auth0.js, Lock): they answer preflights and grant CORS to the origins
 * the clients list. Navigations and script tags (`/logout`, `/client/{id}.js`), native-app and
 * operator routes are not among them.
 */
export const BROWSER_ROUTES: ReadonlySet<string> = new Set([
  '/oauth/ro',
  '/oauth/token',
  '/oauth/revoke',
  '/dbconnections/signup',
  '/dbconnections/change_password',
  '/passwordless/start',
  '/passwordless/verify',
  '/tokeninfo',
  '/userinfo',
  '/delegation',
  '/user/ssodata',
  '/user/geoloc/country',
  '/.well-known/jwks.json',
  '/.well-known/openid-configuration',
]);

/** Request headers the Auth0 SDKs send (telemetry `Auth0-Client`, bearer tokens, JSON bodies). */
export const CORS_ALLOWED_HEADERS = 'Accept, Accept-Language, Authorization, Auth0-Client, Content-Language, Content-Type, X-Requested-With';

/** Seconds a browser may cache a preflight (Chromium caps at 7200). */
const PREFLIGHT_MAX_AGE_S = 7200;

/** The route of a path as the router sees it: its pattern and methods. */
export type RouteLookup = (path: string) => { readonly pattern: string; readonly methods: Readonly<Record<string, unknown>> } | undefined;

function withHeaders(response: OAuthResponse, extra: Record<string, string>): OAuthResponse {
  const vary = response.headers.vary;
  const headers = { ...response.headers, ...extra };
  if (extra.vary && vary && !/\borigin\b/i.test(vary)) headers.vary = `${vary}, ${extra.vary}`;
  return { ...response, headers };
}

function grant(origin: string): Record<string, string> {
  // Never `*`: the origin itself, so credentialed requests (Lock's `/user/ssodata`) may read it too.
  return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' };
}

/**
 * Wraps a request handler with CORS for {@link BROWSER_ROUTES}. `OPTIONS` there is a preflight,
 * answered 204 with the route's methods and {@link CORS_ALLOWED_HEADERS}, and granted when some
 * client lists the `Origin` (a preflight names no client). Any other request is handled, then
 * granted when the client it speaks for ({@link requestClientId}) lists the origin, or, naming no
 * client, when some client does. Every answer on those routes varies by `Origin`; other routes
 * pass through untouched.
 *
 * @example
 * const handle = withCors(prepareCorsPolicy(config.clients), routeOf, handleRequest);
 */
export function withCors(
  policy: CorsPolicy,
  routeOf: RouteLookup,
  handle: (request: OAuthRequest) => Promise<OAuthResponse>,
): (request: OAuthRequest) => Promise<OAuthResponse> {
  return async (request) => {
    const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
    const route = routeOf(path);
    if (!route || !BROWSER_ROUTES.has(route.pattern)) return handle(request);
    const origin = request.headers.origin;
    if (request.method === 'OPTIONS') {
      const methods = Object.keys(route.methods);
      if (methods.includes('GET')) methods.push('HEAD');
      const allow = [...methods, 'OPTIONS'].join(', ');
      const granted =
        origin !== undefined && policy.anyClientAllows(origin)
          ? {
              ...grant(origin),
              'access-control-allow-methods': allow,
              'access-control-allow-headers': CORS_ALLOWED_HEADERS,
              'access-control-max-age': String(PREFLIGHT_MAX_AGE_S),
            }
          : {};
      return { status: 204, headers: { allow, vary: 'Origin', 'cache-control': 'no-store', ...granted }, body: '' };
    }
    const response = await handle(request);
    if (origin === undefined) return withHeaders(response, { vary: 'Origin' });
    const client_id = requestClientId(request);
    const allowed = client_id === undefined ? policy.anyClientAllows(origin) : policy.clientAllows(client_id, origin);
    return withHeaders(response, { vary: 'Origin', ...(allowed ? grant(origin) : {}) });
  };
}
