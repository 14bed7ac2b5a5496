import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { revocationEvent } from '../audit/token-events.js';
import { authenticateClient } from '../config/authenticate-client.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { hashToken } from '../tokens/hash-token.js';
import { missing, readStringParams } from '../validation/read-params.js';
import type { HandlerContext } from './context.js';

/**
 * `POST /oauth/revoke` `{client_id, client_secret?, token}` (RFC 7009): revokes a refresh token and
 * every token rotated from it. The answer is 200 whether or not the token was known, valid or the
 * client's (nothing to learn from it); only client authentication can fail (401 `invalid_client`).
 *
 * @example await handleRevoke(ctx, request); // 200 {}
 */
export async function handleRevoke(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const body = parseBody(request);
  if (!body.ok) return errorResponse(body.error);
  const read = readStringParams(body.value, ['client_id', 'client_secret', 'token', 'token_type_hint']);
  if (!read.ok) return errorResponse(read.error);
  const p = read.value;
  const client = authenticateClient(ctx.index, { ...p, authorization: request.headers.authorization });
  if (!client.ok) return errorResponse(client.error);
  if (!p.token) return errorResponse(missing('token').error);

  const store = ctx.deps.refreshTokens;
  const record = store && p.token.length <= 512 ? await store.findByHash(await hashToken(p.token)) : undefined;
  if (store && record && record.client_id === client.value.client_id) {
    const revoked = await store.revokeFamily(record.family_id, ctx.deps.clock.now());
    emitAudit(ctx.deps, revocationEvent(auditOrigin(request, { client_id: client.value.client_id }), record.user_id, revoked));
  }
  return jsonResponse(200, {});
}
