import type { CorsPolicy } from './cors-policy.js';
import { requestClientId } from './request-client-id.js';
import { thenNow, type MaybePromise } from '../util/maybe-promise.js';
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
  // A handler's own `Vary` stays, with `Origin` added unless it names it already.
  if (extra.vary && vary) headers.vary = /\borigin\b/i.test(vary) ? vary : `${vary}, ${extra.vary}`;
  return { ...response, headers };
}

/** Frozen (shared) header sets with `Vary: Origin` added, each built once. */
const variedHeaders = new WeakMap<object, Readonly<Record<string, string>>>();
/** Frozen (cached) answers with `Vary: Origin` added, each built once: JWKS and discovery answer the same object every time. */
const variedAnswers = new WeakMap<object, OAuthResponse>();

/**
 * {@link withHeaders} with `Vary: Origin` alone, the answer to every request without an `Origin`:
 * a frozen answer, or an answer with a frozen header set (core's shared JSON headers), is varied
 * once and reused, since neither can change.
 */
function varyByOrigin(response: OAuthResponse): OAuthResponse {
  if (Object.isFrozen(response)) {
    let varied = variedAnswers.get(response);
    if (!varied) {
      const built = withHeaders(response, VARY_ORIGIN);
      varied = Object.freeze({ ...built, headers: Object.freeze(built.headers) });
      variedAnswers.set(response, varied);
    }
    return varied;
  }
  if (!Object.isFrozen(response.headers)) return withHeaders(response, VARY_ORIGIN);
  let headers = variedHeaders.get(response.headers);
  if (!headers) variedHeaders.set(response.headers, (headers = Object.freeze(withHeaders(response, VARY_ORIGIN).headers)));
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
 * other routes (and unmatched paths, `route` undefined) pass through untouched. It answers at once
 * when `respond` does (no promise for an answer that needs no waiting).
 *
 * @example
 * return withCors(policy, request, routeOf(path), () => handle(request));
 */
export function withCors(
  policy: CorsPolicy,
  request: OAuthRequest,
  route: MatchedRoute | undefined,
  respond: () => MaybePromise<OAuthResponse>,
): MaybePromise<OAuthResponse> {
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
  return thenNow(respond(), (response) => corsAnswer(policy, request, origin, response));
}

/** An answer on a browser route, granted to `origin` when its client lists it; it varies by `Origin` either way. */
function corsAnswer(policy: CorsPolicy, request: OAuthRequest, origin: string | undefined, response: OAuthResponse): OAuthResponse {
  if (origin === undefined) return varyByOrigin(response);
  const client_id = requestClientId(request);
  const allowed = client_id === undefined ? policy.anyClientAllows(origin) : policy.clientAllows(client_id, origin);
  return withHeaders(response, allowed ? { vary: 'Origin', ...grant(origin) } : VARY_ORIGIN);
}
