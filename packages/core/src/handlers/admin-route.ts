import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { oauthError } from '../errors/oauth-error.js';
import { errorResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import type { HandlerContext } from './context.js';
import { pathId } from './path-id.js';

/** What an admin handler answers, and the user it acted on (for the audit event). */
export interface AdminOutcome {
  readonly response: OAuthResponse;
  readonly user_id?: string;
}

type AdminHandler = (ctx: HandlerContext, request: OAuthRequest) => Promise<AdminOutcome>;

/** The token of `Authorization: Bearer <token>`; any visible characters (admins choose the token). */
function adminBearer(headers: OAuthRequest['headers']): string | undefined {
  return /^Bearer[ \t]+([\x21-\x7e]{1,4096})[ \t]*$/i.exec(headers.authorization ?? '')?.[1];
}

/**
 * Wraps an admin API handler: without an admin token configured the route answers 404 exactly like
 * a path oauth-ro does not serve; otherwise `Authorization: Bearer <admin token>` is required
 * (401 `invalid_token` when missing or wrong, compared in constant time). Every call after that is
 * audited, `sapi` when it succeeded and `fapi` when not, naming the operation, never a token or a
 * password; a refused token is audited as `fapi` too.
 *
 * @example const ROUTES = { '/api/v2/users/:id': { GET: adminRoute('Get a user', getUser) } };
 */
export function adminRoute(operation: string, handler: AdminHandler) {
  return async (ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> => {
    const path = request.path.length > 1 ? request.path.replace(/\/+$/, '') : request.path;
    if (!ctx.adminToken) return errorResponse(oauthError('not_found', `no route for ${request.method} ${path.slice(0, 200)}`));
    const origin = auditOrigin(request);
    const details = { operation, method: request.method, path: path.slice(0, 300) };
    const presented = adminBearer(request.headers);
    if (presented === undefined || !(await ctx.adminToken.matches(presented))) {
      emitAudit(ctx.deps, { type: 'fapi', description: 'admin token missing or wrong', ...origin, details: { ...details, status: 401 } });
      return errorResponse(oauthError('invalid_token', presented === undefined ? 'missing admin token' : 'invalid admin token'));
    }
    let outcome: AdminOutcome;
    try {
      outcome = await handler(ctx, request);
    } catch (error) {
      emitAudit(ctx.deps, { type: 'fapi', description: operation, ...origin, details: { ...details, status: 500 } });
      throw error;
    }
    const { response, user_id } = outcome;
    emitAudit(ctx.deps, {
      type: response.status < 400 ? 'sapi' : 'fapi',
      description: operation,
      ...origin,
      ...(user_id === undefined ? {} : { user_id }),
      details: { ...details, status: response.status },
    });
    return response;
  };
}

/**
 * The user id of an admin route's last path segment (`/api/v2/users/auth0%7C5f8a…`), decoded;
 * undefined when it does not decode or is implausibly long.
 *
 * @example pathUserId({ path: '/api/v2/users/auth0%7Cabc', … }); // 'auth0|abc'
 */
export function pathUserId(request: OAuthRequest): string | undefined {
  return pathId(request, 512);
}
