import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { scriptLiteral } from '../legacy/client-settings.js';
import type { HandlerContext } from './context.js';
import { handleTokenInfo } from './handle-profile.js';

/** A JSONP callback name as the `jsonp` package (auth0.js v7) makes them: `__jp0`, or a dotted path. */
const CALLBACK = /^[A-Za-z_$][\w$]{0,63}(\.[A-Za-z_$][\w$]{0,63}){0,3}$/;

/**
 * `GET /tokeninfo?id_token=`: the same answer as `POST /tokeninfo`; with `callback=` (auth0.js v7
 * over JSONP), a script calling it with `{"status": 200, "user": {…}}` or `{"status", "error",
 * "error_description"}`, always HTTP 200 so the script runs.
 *
 * @example await handleTokenInfoGet(ctx, { method: 'GET', path: '/tokeninfo', query: 'id_token=eyJ…&callback=__jp0', … }); // __jp0({"status":200,"user":{…}});
 */
export async function handleTokenInfoGet(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const response = await handleTokenInfo(ctx, request);
  const callback = new URLSearchParams(request.query ?? '').get('callback');
  if (callback === null || !CALLBACK.test(callback)) return response;
  const body = JSON.parse(response.body) as Record<string, unknown>;
  const payload = response.status === 200 ? { status: 200, user: body } : { status: response.status, ...body };
  return {
    status: 200,
    headers: { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    body: `/**/ typeof ${callback} === 'function' && ${callback}(${scriptLiteral(payload)});`,
  };
}
