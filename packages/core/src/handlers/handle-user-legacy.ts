import { jsonResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { countryOf, prepareGeoloc } from '../legacy/geoloc-settings.js';
import type { HandlerContext } from './context.js';

const DEFAULT_GEOLOC = prepareGeoloc();

/**
 * `GET /user/ssodata` (Lock, auth0.js `getSSOData`, sent with credentials): oauth-ro keeps no
 * browser session, so the answer is always Auth0's "no SSO session", `{"sso": false}`.
 *
 * @example handleSsoData(ctx, request); // 200 {"sso":false}
 */
export function handleSsoData(_ctx: HandlerContext, _request: OAuthRequest): OAuthResponse {
  return jsonResponse(200, { sso: false });
}

/**
 * `GET /user/geoloc/country` (Lock's phone number field): `{"country_code": "US"}` from the trusted
 * proxy header when configured and set, else the configured default.
 *
 * @example handleGeolocCountry(ctx, request); // 200 {"country_code":"DE"}
 */
export function handleGeolocCountry(ctx: HandlerContext, request: OAuthRequest): OAuthResponse {
  return jsonResponse(200, { country_code: countryOf(ctx.geoloc ?? DEFAULT_GEOLOC, request.headers) });
}
