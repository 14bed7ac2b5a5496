import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { loginEvent } from '../audit/login-event.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { presentSecret } from '../passwordless/present-secret.js';
import { err } from '../util/result.js';
import type { HandlerContext } from './context.js';
import { passwordlessConnection, readRecipient, recipientField, requireProperty, stringParam } from './passwordless-params.js';

/**
 * `POST /passwordless/verify` (docs/spec.md §5.11): what auth0.js v7 (`login` with a `passcode`) and
 * v8/v9 (`passwordless.verify`, `passwordlessVerify`) call before sending the browser to
 * `/passwordless/verify_redirect` with the same code. Body `connection`, `verification_code`, and
 * `email` or `phone_number`; `client_id` optional (the SDKs send none). A right code answers 200
 * `{}` and stays valid for the redirect, which spends it; a wrong one counts a try, like every
 * presentation (401 `invalid_user_password`, Auth0's words).
 *
 * @example await handlePasswordlessVerify(ctx, request); // 200 {}
 */
export async function handlePasswordlessVerify(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const body = parseBody(request);
  if (!body.ok) return errorResponse(body.error);
  const b = body.value;

  const client_id = stringParam(b, 'client_id', 'bad_client_id');
  if (!client_id.ok) return errorResponse(client_id.error);
  if (client_id.value !== undefined && !ctx.index.clients.has(client_id.value)) return errorResponse(oauthError('bad_client_id', 'Unknown client'));
  const name = stringParam(b, 'connection', 'bad_connection');
  if (!name.ok) return errorResponse(name.error);
  const nameValue = requireProperty(name.value, 'connection', 'bad_connection');
  if (!nameValue.ok) return errorResponse(nameValue.error);
  const connection = passwordlessConnection(ctx, client_id.value, nameValue.value);
  if (!connection.ok) return errorResponse(connection.error);
  const strategy = connection.value.strategy;

  const read = readRecipient(b, strategy);
  if (!read.ok) return errorResponse(read.error);
  const recipient = read.value.normalized;
  if (recipient === undefined) return errorResponse(oauthError(recipientField(strategy).code));
  const code = stringParam(b, 'verification_code', 'bad_request');
  if (!code.ok) return errorResponse(code.error);
  const codeValue = requireProperty(code.value, 'verification_code', 'bad_request');
  if (!codeValue.ok) return errorResponse(codeValue.error);

  const passwordless = ctx.passwordless;
  if (!passwordless || !ctx.deps.codes) {
    return errorResponse(oauthError('temporarily_unavailable', `the ${strategy} strategy of connection ${connection.value.name} is not installed`));
  }
  const checked = await presentSecret(ctx.deps.codes, passwordless.codeKey, 'check', {
    strategy,
    connection: connection.value.name,
    recipient,
    secret: codeValue.value,
    binding: '',
    at: ctx.deps.clock.now(),
  });
  if (!checked.ok) {
    const origin = auditOrigin(request, { ...(client_id.value === undefined ? {} : { client_id: client_id.value }), connection: connection.value.name, strategy, user_name: recipient });
    emitAudit(ctx.deps, loginEvent(origin, err<OAuthError>(checked.error)));
    return errorResponse(checked.error);
  }
  return jsonResponse(200, {});
}
