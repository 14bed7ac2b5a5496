import { oauthError } from '../errors/oauth-error.js';
import { errorResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { logoutUrlAllowed } from '../legacy/logout-url-allowed.js';
import { MAX_PARAM_LENGTH } from '../validation/read-params.js';
import type { HandlerContext } from './context.js';

const LOGGED_OUT_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Logged out</title></head><body><p>You are logged out.</p></body></html>';

/**
 * `GET /logout` and `/v2/logout` (auth0.js `logout`, a browser navigation): oauth-ro keeps no
 * browser session, so there is nothing to end here. With `returnTo`, a 302 to it when it is one of
 * the `client_id`'s `allowed_logout_urls` (query and fragment not compared), else 400; without
 * `returnTo`, a plain page saying the user is logged out.
 *
 * @example await handleLogout(ctx, { method: 'GET', path: '/v2/logout', query: 'client_id=spa&returnTo=https%3A%2F%2Fapp.example.com%2F', … }); // 302
 */
export function handleLogout(ctx: HandlerContext, request: OAuthRequest): OAuthResponse {
  const query = new URLSearchParams(request.query ?? '');
  const returnTo = query.get('returnTo') ?? '';
  const client_id = query.get('client_id') ?? '';
  if (returnTo.length > MAX_PARAM_LENGTH || client_id.length > MAX_PARAM_LENGTH) {
    return errorResponse(oauthError('invalid_parameter', 'returnTo and client_id must be at most 2048 characters'));
  }
  if (returnTo === '') {
    return {
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'",
        'x-content-type-options': 'nosniff',
      },
      body: LOGGED_OUT_PAGE,
    };
  }
  if (client_id === '') return errorResponse(oauthError('invalid_request', 'returnTo needs the client_id whose allowed_logout_urls list it'));
  const client = ctx.index.clients.get(client_id);
  if (!client || !logoutUrlAllowed(client, returnTo)) {
    return errorResponse(oauthError('invalid_request', "returnTo is not one of the client's allowed_logout_urls"));
  }
  // The parsed form: the URL parser drops tabs and line breaks, which a raw header value must never carry.
  return { status: 302, headers: { location: new URL(returnTo).href, 'cache-control': 'no-store' }, body: '' };
}
