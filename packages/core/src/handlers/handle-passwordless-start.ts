import { auditOrigin } from '../audit/audit-origin.js';
import { codeSentEvent } from '../audit/code-sent-event.js';
import { signupEvent } from '../audit/signup-event.js';
import { emitAudit } from '../audit/emit-audit.js';
import { oauthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { passwordlessUserId } from '../passwordless/hash-code.js';
import { issueCode, type PreparedSecret } from '../passwordless/issue-code.js';
import { bracketedAuthParams } from '../passwordless/bracketed-auth-params.js';
import { prepareMagicLink } from '../passwordless/prepare-magic-link.js';
import { readLinkAuthParams, type LinkAuthParams } from '../passwordless/read-link-auth-params.js';
import type { PasswordlessSend } from '../passwordless/render-template.js';
import { grantNotAllowed } from '../errors/grant-not-allowed.js';
import { implicitAllowed } from '../passwordless/implicit-allowed.js';
import { recipientLookup } from '../passwordless/login-passwordless-user.js';
import { throttleStart } from '../passwordless/throttle-start.js';
import { err } from '../util/result.js';
import type { HandlerContext } from './context.js';
import { passwordlessConnection, readRecipient, requireProperty, stringParam } from './passwordless-params.js';

const SENDS: readonly string[] = ['code', 'link', 'link_ios', 'link_android'] satisfies readonly PasswordlessSend[];
const isSend = (value: string): value is PasswordlessSend => SENDS.includes(value);

/**
 * `POST /passwordless/start` (docs/spec.md §3, §5.11): sends a one-time code by SMS (`connection: sms`,
 * `phone_number`) or email (`connection: email`, `email`), answering Auth0's
 * `{_id, phone_number, phone_verified}` (or the email twin). `send` is `code`, `link` (Auth0's
 * default for email: a single-use link to `/passwordless/verify_redirect` for the `authParams`,
 * whose `redirect_uri` must be one of the client's callbacks), `link_ios` or `link_android` (a code
 * in the app link of the client's `mobile` app). A connection with `disable_signup` refuses unknown
 * recipients (`bad.connection` "Public signup is disabled", as Auth0). Starts are throttled per IP
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
  if (!isSend(mode)) return errorResponse(oauthError('bad_request', 'send must be code, link, link_ios or link_android'));
  // An object (JSON), else auth0.js v7's bracketed form keys.
  const authParams = Object.hasOwn(b, 'authParams') ? b.authParams : bracketedAuthParams(b);
  if (authParams !== undefined && (typeof authParams !== 'object' || authParams === null || Array.isArray(authParams))) {
    return errorResponse(oauthError('bad_request', 'authParams must be an object'));
  }
  let params: LinkAuthParams | undefined;
  if (mode === 'link') {
    if (!implicitAllowed(client)) return errorResponse(grantNotAllowed('implicit'));
    const read = readLinkAuthParams((authParams ?? {}) as Record<string, unknown>, client, 'bad_request');
    if (!read.ok) return errorResponse(read.error);
    params = read.value;
  }

  const read = readRecipient(b, strategy);
  if (!read.ok) return errorResponse(read.error);
  const recipient = read.value.normalized;
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
  const user = await ctx.deps.users.find(connection.value.name, recipientLookup(strategy, recipient));
  if (!user && connection.value.options.disable_signup === true) {
    const refusal = oauthError('bad_connection', 'Public signup is disabled');
    emitAudit(ctx.deps, signupEvent(origin, err(refusal)));
    return errorResponse(refusal);
  }
  const user_agent = request.headers['user-agent'];
  const request_info = { ip: request.ip, ...(user_agent === undefined ? {} : { user_agent: user_agent.slice(0, 512) }) };
  let secret: PreparedSecret | undefined;
  if (mode !== 'code') {
    const prepared = await prepareMagicLink(passwordless.codeKey, ctx.deps.random, {
      issuer: ctx.mint.issuer,
      client,
      connection: connection.value.name,
      strategy,
      recipient,
      send: mode,
      length: settings.length,
      ...(params === undefined ? {} : { params }),
    });
    if (!prepared.ok) return errorResponse(prepared.error);
    secret = prepared.value;
  }
  const sent = await issueCode(ctx.deps, passwordless.codeKey, {
    connection: connection.value,
    settings,
    client,
    recipient,
    request_info,
    send: mode,
    ...(secret === undefined ? {} : { secret }),
  });
  emitAudit(ctx.deps, codeSentEvent(origin, strategy, sent, mode));
  if (!sent.ok) return errorResponse(sent.error);

  const _id = user ? user.user_id.slice(user.user_id.indexOf('|') + 1) : await passwordlessUserId(passwordless.codeKey, connection.value.name, recipient);
  return jsonResponse(
    200,
    strategy === 'sms'
      ? { _id, phone_number: recipient, phone_verified: user?.profile.phone_verified === true }
      : { _id, email: recipient, email_verified: user?.profile.email_verified === true },
  );
}
