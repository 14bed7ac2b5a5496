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

/** The route a request matched, as the router sees it: its pattern and methods. */
export interface MatchedRoute {
  readonly pattern: string;
  readonly methods: Readonly<Record<string, unknown>>;
}

const VARY_ORIGIN: Readonly<Record<string, string>> = { vary: 'Origin' };

function withHeaders(response: OAuthResponse, extra: Readonly<Record<string, string>>): OAuthResponse {
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
 * Answers a request with CORS for {@link BROWSER_ROUTES}. `OPTIONS` there is a preflight,
 * answered 204 with the route's methods and {@link CORS_ALLOWED_HEADERS}, and granted when some
 * client lists the `Origin` (a preflight names no client). Any other request is answered by
 * `respond`, then granted when the client it speaks for ({@link requestClientId}) lists the origin,
 * or, naming no client, when some client does. Every answer on those routes varies by `Origin`;
 * other routes (and unmatched paths, `route` undefined) pass through untouched.
 *
 * @example
 * return withCors(policy, request, routeOf(path), () => handle(request));
 */
export async function withCors(
  policy: CorsPolicy,
  request: OAuthRequest,
  route: MatchedRoute | undefined,
  respond: () => Promise<OAuthResponse>,
): Promise<OAuthResponse> {
  if (!route || !BROWSER_ROUTES.has(route.pattern)) return respond();
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
  const response = await respond();
  if (origin === undefined) return withHeaders(response, VARY_ORIGIN);
  const client_id = requestClientId(request);
  const allowed = client_id === undefined ? policy.anyClientAllows(origin) : policy.clientAllows(client_id, origin);
  return withHeaders(response, allowed ? { vary: 'Origin', ...grant(origin) } : VARY_ORIGIN);
}
