import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { signupEvent } from '../audit/signup-event.js';
import { oauthError } from '../errors/oauth-error.js';
import { parseBody, type BodyParams } from '../http/parse-body.js';
import { errorResponse, jsonResponse } from '../http/respond.js';
import { auth0ErrorResponse } from '../http/auth0-error-response.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { signupDatabaseUser } from '../strategies/database/signup-database-user.js';
import { err, ok, type Result } from '../util/result.js';
import type { OAuthError } from '../errors/oauth-error.js';
import { normalizeIdentifier } from '../validation/normalize-identifier.js';
import { checkIdentifier } from '../validation/check-identifier.js';
import { missing, readStringParams } from '../validation/read-params.js';
import { takeSignupSlot } from '../protection/ip-limits.js';
import { sendTicketEmail } from '../accounts/send-ticket-email.js';
import type { HandlerContext } from './context.js';
import { runPreSignup } from '../strategies/database/run-pre-signup.js';

const MAX_METADATA_FIELDS = 10;
const MAX_METADATA_VALUE = 500;

/** Auth0 accepted up to ten string fields of user_metadata at sign-up. */
function readUserMetadata(body: BodyParams): Result<Record<string, string> | undefined, OAuthError> {
  const value = body.user_metadata;
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err(oauthError('invalid_parameter', 'user_metadata must be an object'));
  }
  const entries = Object.entries(value);
  if (entries.length > MAX_METADATA_FIELDS) {
    return err(oauthError('invalid_parameter', `user_metadata has more than ${MAX_METADATA_FIELDS} fields`));
  }
  const out: Record<string, string> = {};
  for (const [key, field] of entries) {
    if (typeof field !== 'string' || field.length > MAX_METADATA_VALUE || key.length > 100) {
      return err(oauthError('invalid_parameter', `user_metadata.${key.slice(0, 100)} must be a string of at most ${MAX_METADATA_VALUE} characters`));
    }
    out[key] = field;
  }
  return ok(out);
}

/**
 * `POST /dbconnections/signup` (docs/spec.md §3).
 *
 * @example
 * await handleSignup(ctx, request); // 200 {"_id":"…","email":"a@example.com","email_verified":false}
 */
export async function handleSignup(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const body = parseBody(request);
  if (!body.ok) return errorResponse(body.error);
  const read = readStringParams(body.value, ['client_id', 'connection', 'email', 'password', 'username'], {
    password: 1024,
    email: 254,
    username: 128,
  });
  if (!read.ok) return errorResponse(read.error);
  const p = read.value;
  const metadata = readUserMetadata(body.value);
  if (!metadata.ok) return errorResponse(metadata.error);
  if (!p.client_id) return errorResponse(missing('client_id').error);
  if (!p.connection) return errorResponse(missing('connection').error);
  if (!p.email) return errorResponse(missing('email').error);
  if (!p.password) return errorResponse(missing('password').error);
  const refusedIdentifier = checkIdentifier('email', p.email) ?? (p.username === undefined ? undefined : checkIdentifier('username', p.username));
  if (refusedIdentifier) return errorResponse(refusedIdentifier);
  const origin = auditOrigin(request, { client_id: p.client_id, connection: p.connection, user_name: normalizeIdentifier(p.email) });
  const refuse = (error: OAuthError) => {
    emitAudit(ctx.deps, signupEvent(origin, err(error)));
    return auth0ErrorResponse(error);
  };

  const client = ctx.index.clients.get(p.client_id);
  if (!client) return refuse(oauthError('unauthorized_client'));
  const connection = ctx.index.connections.get(p.connection);
  if (!connection || connection.strategy !== 'auth0') return refuse(oauthError('bad_connection'));
  if (!connection.enabled_clients.includes(client.client_id)) return refuse(oauthError('bad_connection', 'the connection was disabled'));
  if (connection.options.disable_signup === true) return refuse(oauthError('signup_disabled'));
  const throttled = await takeSignupSlot(ctx.deps, ctx.ipLimits, request.ip);
  if (throttled) return refuse(throttled);

  const enriched = await runPreSignup(ctx, request, client, connection, { email: p.email, username: p.username, user_metadata: metadata.value });
  if (!enriched.ok) return refuse(enriched.error);
  const created = await signupDatabaseUser(ctx.deps, connection, {
    email: p.email,
    password: p.password,
    client_id: client.client_id,
    ...(p.username === undefined ? {} : { username: p.username }),
    ...enriched.value,
  });
  if (!created.ok) return refuse(created.error);
  const user = created.value;
  emitAudit(ctx.deps, signupEvent({ ...origin, strategy: connection.strategy }, created));
  if (ctx.deps.senders?.email && connection.options.send_verification_email !== false) {
    // After the answer, like Auth0: a slow or failing provider does not hold up or undo the sign-up.
    void sendTicketEmail(ctx.deps, ctx.index.config, 'verify_email', { user, connection, client }).catch(() => undefined);
  }
  return jsonResponse(200, {
    _id: user.user_id.slice(user.user_id.indexOf('|') + 1),
    email: user.email,
    email_verified: false,
    ...(user.username === undefined ? {} : { username: user.username }),
    ...(user.profile.user_metadata === undefined ? {} : { user_metadata: user.profile.user_metadata }),
  });
}
