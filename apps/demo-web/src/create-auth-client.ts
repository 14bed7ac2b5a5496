import { Authentication } from 'auth0-js';

/**
 * auth0.js v8's Authentication API pointed at the server that served the page. v8 always builds
 * `https://` + domain, as Auth0 only ever served https; when the page itself came over plain http
 * (a local `pnpm start`), the calls go to the page's own origin instead, so the same page works
 * on a laptop and behind TLS.
 *
 * @example
 * const auth = createAuthClient(window.location, 'demo');
 * auth.loginWithResourceOwner({ connection, username, password, scope: 'openid profile' }, callback);
 */
export function createAuthClient(location: Pick<URL, 'host' | 'origin' | 'protocol'>, clientID: string): Authentication {
  const auth = new Authentication({ domain: location.host, clientID });
  if (location.protocol === 'http:') auth.baseOptions.rootUrl = location.origin;
  return auth;
}
