import { auditOrigin } from '../audit/audit-origin.js';
import { emitAudit } from '../audit/emit-audit.js';
import { loginEvent } from '../audit/login-event.js';
import { clientCredentialsEvent, refreshExchangeEvent } from '../audit/token-events.js';
import { authenticateClient } from '../config/authenticate-client.js';
import { clientAllowsGrant, GRANT, type GrantTypeName } from '../config/grant-types.js';
import { grantNotAllowed } from '../errors/grant-not-allowed.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { err } from '../util/result.js';
import { missing } from '../validation/read-params.js';
import type { HandlerContext } from './context.js';
import { grantClientCredentials } from './token/grant-client-credentials.js';
import { grantPassword } from './token/grant-password.js';
import { grantRefreshToken } from './token/grant-refresh-token.js';
import { grantTokenExchange } from './token/grant-token-exchange.js';
import { grantMfaOtp } from './token/grant-mfa-otp.js';
import { readTokenParams } from './token/token-params.js';

/** The grants `/oauth/token` serves. */
const SERVED = [GRANT.refreshToken, GRANT.password, GRANT.passwordRealm, GRANT.passwordlessOtp, GRANT.mfaOtp, GRANT.clientCredentials, GRANT.tokenExchange] as const;

/** The audit event of a refusal before the grant ran, in the family of the grant asked for. */
function refusalEvent(grant: GrantTypeName, request: OAuthRequest, client_id: string | undefined, error: OAuthError) {
  const origin = auditOrigin(request, client_id === undefined ? {} : { client_id });
  if (grant === GRANT.refreshToken) return refreshExchangeEvent(origin, err(error));
  if (grant === GRANT.clientCredentials) return clientCredentialsEvent(origin, err(error));
  return loginEvent(origin, err(error));
}

/**
 * `POST /oauth/token`: `grant_type` → client authentication (`client_secret_post`,
 * `client_secret_basic`, or none for public clients) → the client's `grant_types` → the grant:
 * `refresh_token`, `password`, `http://auth0.com/oauth/grant-type/password-realm`,
 * `http://auth0.com/oauth/grant-type/passwordless/otp`, `client_credentials`, or the native social
 * `urn:ietf:params:oauth:grant-type:token-exchange`, or `http://auth0.com/oauth/grant-type/mfa-otp`
 * (the second factor of a password login under MFA, docs/spec.md §5.9).
 *
 * @example
 * await handleToken(ctx, request); // 200 {"access_token":"…","id_token":"…","scope":"openid","expires_in":36000,"token_type":"Bearer"}
 */
export async function handleToken(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const body = parseBody(request);
  if (!body.ok) return errorResponse(body.error);
  const read = readTokenParams(body.value);
  if (!read.ok) return errorResponse(read.error);
  const p = read.value;
  if (!p.grant_type) return errorResponse(missing('grant_type').error);
  const grant = SERVED.find((g) => g === p.grant_type);
  if (!grant) return errorResponse(oauthError('unsupported_grant_type', `Unsupported grant type: ${p.grant_type.slice(0, 100)}`));

  const client = authenticateClient(ctx.index, { ...p, authorization: request.headers.authorization });
  const refuse = (error: OAuthError) => {
    emitAudit(ctx.deps, refusalEvent(grant, request, client.ok ? client.value.client_id : p.client_id, error));
    return errorResponse(error);
  };
  if (!client.ok) return refuse(client.error);
  if (!clientAllowsGrant(ctx.index.config, client.value, grant)) return refuse(grantNotAllowed(grant));

  switch (grant) {
    case GRANT.refreshToken:
      return grantRefreshToken(ctx, request, client.value, p);
    case GRANT.clientCredentials:
      return grantClientCredentials(ctx, request, client.value, p);
    case GRANT.tokenExchange:
      return grantTokenExchange(ctx, request, client.value, p);
    case GRANT.mfaOtp:
      return grantMfaOtp(ctx, request, client.value, p);
    default:
      return grantPassword(ctx, request, client.value, p, grant);
  }
}
