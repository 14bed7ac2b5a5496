import { oauthError } from '../errors/oauth-error.js';
import { errorResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { clientSettings, scriptLiteral } from '../legacy/client-settings.js';
import type { HandlerContext } from './context.js';
import { pathId } from './path-id.js';

/**
 * `GET /client/{client_id}.js`: the client's settings for Lock 10 as a script,
 * `Auth0.setClient({...});` (Lock adds `?t<timestamp>` to bust caches; the query is ignored).
 * An unknown client, or a name without `.js`, is 404.
 *
 * @example await handleClientScript(ctx, { method: 'GET', path: '/client/spa.js', … }); // 200 Auth0.setClient({"id":"spa",…});
 */
export function handleClientScript(ctx: HandlerContext, request: OAuthRequest): OAuthResponse {
  const name = pathId(request, 260);
  const client = name?.endsWith('.js') ? ctx.index.clients.get(name.slice(0, -3)) : undefined;
  if (!client) return errorResponse(oauthError('not_found', 'unknown client'));
  return {
    status: 200,
    headers: {
      'content-type': 'application/javascript; charset=utf-8',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    },
    body: `Auth0.setClient(${scriptLiteral(clientSettings(ctx.index, client))});`,
  };
}
