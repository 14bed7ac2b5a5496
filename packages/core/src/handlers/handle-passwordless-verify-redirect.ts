import { auditOrigin, type AuditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { loginEvent } from '../audit/login-event.js';
import { grantNotAllowed } from '../errors/grant-not-allowed.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { errorResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { allowedCallback } from '../legacy/callback-allowed.js';
import { implicitAllowed } from '../passwordless/implicit-allowed.js';
import { errorRedirect, tokenRedirect } from '../passwordless/implicit-redirect.js';
import { passwordlessUser } from '../passwordless/login-passwordless-user.js';
import { normalizeRecipient } from '../passwordless/normalize-recipient.js';
import { presentSecret } from '../passwordless/present-secret.js';
import { linkBinding, readLinkAuthParams } from '../passwordless/read-link-auth-params.js';
import { completeLogin } from '../tokens/complete-login.js';
import { accessTokenLifetime } from '../tokens/mint-tokens.js';
import { err } from '../util/result.js';
import type { HandlerContext } from './context.js';
import { passwordlessConnection, recipientField, requireProperty, stringParam } from './passwordless-params.js';

const MAX_QUERY = 8192;

/** The query as one value per name; a repeated name is refused (RFC 6749 §3.1), as is an oversized query. */
function readQuery(query: string | undefined): Record<string, string> | undefined {
  if ((query ?? '').length > MAX_QUERY) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(query ?? '')) {
    if (Object.hasOwn(out, name)) return undefined;
    out[name] = value;
  }
  return out;
}

/**
 * `GET /passwordless/verify_redirect` (docs/spec.md §5.11): the magic link, and where auth0.js sends
 * the browser after `POST /passwordless/verify`. Query: `client_id`, `connection`, `email` or
 * `phone_number`, `verification_code` (a code or a link's token), `redirect_uri`, `response_type`
 * (`token`, `id_token`, `id_token token`), `scope`, `state`, `nonce`. The code or link is spent once
 * and the user logged in (created unless `disable_signup`); the tokens go in the fragment of a 302 to
 * `redirect_uri`, which must be one of the client's callbacks. Without a valid client and allowed
 * `redirect_uri` the answer is the contract's JSON 400 and nobody is redirected; after that every
 * failure is an error redirect (`error`, `error_description`, `state`).
 *
 * @example await handlePasswordlessVerifyRedirect(ctx, request); // 302 Location: https://app.example.com/cb#access_token=…&state=…
 */
export async function handlePasswordlessVerifyRedirect(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const q = readQuery(request.query);
  if (!q) return errorResponse(oauthError('invalid_parameter', 'the query is too long or repeats a parameter'));
  const client_id = requireProperty(q.client_id || undefined, 'client_id', 'bad_client_id');
  if (!client_id.ok) return errorResponse(client_id.error);
  const client = ctx.index.clients.get(client_id.value);
  if (!client) return errorResponse(oauthError('bad_client_id', 'Unknown client'));
  const wanted = q.redirect_uri || client.callbacks?.[0];
  const redirect_uri = wanted === undefined || wanted.length > 2048 ? undefined : allowedCallback(client, wanted);
  if (redirect_uri === undefined) return errorResponse(oauthError('callback_mismatch'));

  // From here on the browser goes back to an allowed callback, with the error if there is one.
  const state = q.state || undefined;
  const where = q.response_type === 'code' ? 'query' : 'fragment';
  let origin: AuditOrigin = auditOrigin(request, { client_id: client.client_id, ...(q.connection ? { connection: q.connection } : {}) });
  const refuse = (error: OAuthError, audit = true) => {
    if (audit) emitAudit(ctx.deps, loginEvent(origin, err<OAuthError>(error)));
    return errorRedirect(redirect_uri, error, state, where);
  };
  const params = readLinkAuthParams({ ...q, redirect_uri }, client, 'invalid_parameter');
  if (!params.ok) return refuse(params.error);
  if (!implicitAllowed(client)) return refuse(grantNotAllowed('implicit'));
  const connectionName = requireProperty(q.connection || undefined, 'connection', 'bad_connection');
  if (!connectionName.ok) return refuse(connectionName.error);
  const connection = passwordlessConnection(ctx, client.client_id, connectionName.value);
  if (!connection.ok) return refuse(connection.error);
  const strategy = connection.value.strategy;
  origin = { ...origin, strategy };
  const { field, code: fieldCode } = recipientField(strategy);
  const raw = stringParam(q, field, fieldCode);
  if (!raw.ok) return refuse(raw.error);
  const recipient = raw.value === undefined ? undefined : normalizeRecipient(strategy, raw.value);
  if (recipient === undefined) return refuse(oauthError(fieldCode));
  origin = { ...origin, user_name: recipient };
  const secret = requireProperty(q.verification_code || undefined, 'verification_code', 'bad_request');
  if (!secret.ok || secret.value.length > 256) return refuse(oauthError('bad_request', 'Missing required property: verification_code'));

  const passwordless = ctx.passwordless;
  if (!passwordless || !ctx.deps.codes) return refuse(oauthError('temporarily_unavailable', `the ${strategy} strategy of connection ${connection.value.name} is not installed`));
  const started = performance.now();
  const spent = await presentSecret(ctx.deps.codes, passwordless.codeKey, 'consume', {
    strategy,
    connection: connection.value.name,
    recipient,
    secret: secret.value,
    binding: linkBinding(client.client_id, params.value),
    at: ctx.deps.clock.now(),
  });
  const user = spent.ok ? await passwordlessUser(ctx.deps, passwordless.codeKey, connection.value, strategy, recipient) : spent;
  ctx.metrics.observeLogin(connection.value.name, user.ok ? 'success' : user.error.code, (performance.now() - started) / 1000);
  if (!user.ok) return refuse(user.error);

  const scope = params.value.scope.split(' ');
  const withOpenid = params.value.response_type !== 'token' && !scope.includes('openid') ? [...scope, 'openid'] : scope;
  const tokens = await completeLogin(ctx.deps, ctx.mint, {
    client,
    connection: connection.value,
    user: user.value,
    scope: withOpenid,
    protocol: 'oidc-implicit-profile',
    request,
    ...(params.value.nonce === undefined ? {} : { nonce: params.value.nonce }),
  });
  if (!tokens.ok) return refuse(tokens.error);
  emitAudit(ctx.deps, loginEvent(origin, user));
  return tokenRedirect(redirect_uri, params.value.response_type, tokens.value, accessTokenLifetime(client), state);
}
