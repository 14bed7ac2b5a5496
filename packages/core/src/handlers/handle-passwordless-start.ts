import { auditOrigin } from '../audit/audit-origin.js';
import { codeSentEvent } from '../audit/code-sent-event.js';
import { emitAudit } from '../audit/emit-audit.js';
import type { ConnectionConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { OAuthErrorCode } from '../errors/error-table.js';
import { parseBody, type BodyParams } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { passwordlessUserId } from '../passwordless/hash-code.js';
import { issueCode } from '../passwordless/issue-code.js';
import { recipientLookup } from '../passwordless/login-passwordless-user.js';
import { normalizeRecipient } from '../passwordless/normalize-recipient.js';
import { throttleStart } from '../passwordless/throttle-start.js';
import { err, ok, type Result } from '../util/result.js';
import type { HandlerContext } from './context.js';

const MAX_LENGTH = 320;

/** A string parameter, refused with the field's own Auth0 error code when it has another type. */
function stringParam(body: BodyParams, name: string, code: OAuthErrorCode): Result<string | undefined, OAuthError> {
  const value = Object.hasOwn(body, name) ? body[name] : undefined;
  if (value === undefined || value === '') return ok(undefined);
  if (typeof value !== 'string') return err(oauthError(code, `${name} must be a string`));
  if (value.length > MAX_LENGTH) return err(oauthError(code, `${name} is too long`));
  return ok(value);
}

function requireProperty(value: string | undefined, name: string, code: OAuthErrorCode): Result<string, OAuthError> {
  return value === undefined ? err(oauthError(code, `Missing required property: ${name}`)) : ok(value);
}

/** The connection, if it exists, is passwordless and is enabled for the client (all `bad.connection` otherwise). */
function passwordlessConnection(ctx: HandlerContext, client_id: string, name: string): Result<ConnectionConfig & { strategy: 'sms' | 'email' }, OAuthError> {
  const connection = ctx.index.connections.get(name);
  if (!connection) return err(oauthError('bad_connection', 'Connection does not exist'));
  if (connection.strategy !== 'sms' && connection.strategy !== 'email') {
    return err(oauthError('bad_connection', 'the connection is not a passwordless (sms or email) connection'));
  }
  if (!connection.enabled_clients.includes(client_id)) return err(oauthError('bad_connection', 'the connection was disabled'));
  return ok(connection as ConnectionConfig & { strategy: 'sms' | 'email' });
}

/**
 * `POST /passwordless/start` (docs/spec.md §3): sends a one-time code by SMS (`connection: sms`,
 * `phone_number`) or email (`connection: email`, `email`, `send: code`), answering Auth0's
 * `{_id, phone_number, phone_verified}` (or the email twin). The link flow (`send=link`, Auth0's
 * default for email) is not built and is refused with `bad.request`. Starts are throttled per IP
 * and per recipient (429 `too_many_requests`).
 *
 * @example
 * await handlePasswordlessStart(ctx, request); // 200 {"_id":"9c0e…","phone_number":"+15550100000","phone_verified":false}
 */
export async function handlePasswordlessStart(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const body = parseBody(request);
  if (!body.ok) return errorResponse(body.error);
  const b = body.value;

  const client_id = stringParam(b, 'client_id', 'bad_client_id');
  if (!client_id.ok) return errorResponse(client_id.error);
  const clientIdValue = requireProperty(client_id.value, 'client_id', 'bad_client_id');
  if (!clientIdValue.ok) return errorResponse(clientIdValue.error);
  const client = ctx.index.clients.get(clientIdValue.value);
  if (!client) return errorResponse(oauthError('bad_client_id', 'Unknown client'));

  const name = stringParam(b, 'connection', 'bad_connection');
  if (!name.ok) return errorResponse(name.error);
  const nameValue = requireProperty(name.value, 'connection', 'bad_connection');
  if (!nameValue.ok) return errorResponse(nameValue.error);
  const connection = passwordlessConnection(ctx, client.client_id, nameValue.value);
  if (!connection.ok) return errorResponse(connection.error);
  const strategy = connection.value.strategy;

  const send = stringParam(b, 'send', 'bad_request');
  if (!send.ok) return errorResponse(send.error);
  const mode = send.value ?? (strategy === 'sms' ? 'code' : 'link');
  if (mode === 'link') return errorResponse(oauthError('bad_request', 'send=link is not supported: use send=code'));
  if (mode !== 'code') return errorResponse(oauthError('bad_request', 'send must be code or link'));
  const authParams = Object.hasOwn(b, 'authParams') ? b.authParams : undefined;
  if (authParams !== undefined && (typeof authParams !== 'object' || authParams === null || Array.isArray(authParams))) {
    return errorResponse(oauthError('bad_request', 'authParams must be an object'));
  }

  const field = strategy === 'sms' ? 'phone_number' : 'email';
  const fieldCode: OAuthErrorCode = strategy === 'sms' ? 'bad_phone_number' : 'bad_email';
  const raw = stringParam(b, field, fieldCode);
  if (!raw.ok) return errorResponse(raw.error);
  const rawValue = requireProperty(raw.value, field, fieldCode);
  if (!rawValue.ok) return errorResponse(rawValue.error);
  const recipient = normalizeRecipient(strategy, rawValue.value);
  if (recipient === undefined) {
    return errorResponse(
      strategy === 'sms'
        ? oauthError('bad_phone_number', 'phone_number must be an international number in E.164 form, e.g. +15550100000')
        : oauthError('bad_email'),
    );
  }

  const passwordless = ctx.passwordless;
  const settings = passwordless?.settings.get(connection.value.name);
  if (!passwordless || !settings) {
    return errorResponse(oauthError('temporarily_unavailable', `the ${strategy} strategy of connection ${connection.value.name} is not installed`));
  }
  const origin = auditOrigin(request, { client_id: client.client_id, connection: connection.value.name, strategy, user_name: recipient });
  const refused = await throttleStart(ctx.deps, passwordless.limits, request.ip, connection.value.name, recipient);
  if (refused) {
    emitAudit(ctx.deps, codeSentEvent(origin, strategy, err(refused)));
    return errorResponse(refused);
  }
  const user_agent = request.headers['user-agent'];
  const request_info = { ip: request.ip, ...(user_agent === undefined ? {} : { user_agent: user_agent.slice(0, 512) }) };
  const sent = await issueCode(ctx.deps, passwordless.codeKey, { connection: connection.value, settings, client, recipient, request_info });
  emitAudit(ctx.deps, codeSentEvent(origin, strategy, sent));
  if (!sent.ok) return errorResponse(sent.error);

  const user = await ctx.deps.users.find(connection.value.name, recipientLookup(strategy, recipient));
  const _id = user ? user.user_id.slice(user.user_id.indexOf('|') + 1) : await passwordlessUserId(passwordless.codeKey, connection.value.name, recipient);
  return jsonResponse(
    200,
    strategy === 'sms'
      ? { _id, phone_number: recipient, phone_verified: user?.profile.phone_verified === true }
      : { _id, email: recipient, email_verified: user?.profile.email_verified === true },
  );
}
