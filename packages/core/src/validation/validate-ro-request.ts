import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { BodyParams } from '../http/parse-body.js';
import { err, ok, type Result } from '../util/result.js';
import { checkIdentifier } from './check-identifier.js';
import { missing, readStringParams } from './read-params.js';
import { inSyncSpan } from '../tracing/tracer.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const RO_PARAMS = ['client_id', 'connection', 'grant_type', 'username', 'password', 'scope', 'id_token', 'device', 'mfa_code'] as const;

interface RoCommon {
  readonly client_id: string;
  readonly connection: string;
  /** Scope words, in order, without duplicates; empty when no `scope` was sent. */
  readonly scope: readonly string[];
  readonly device?: string;
}

/** A `/oauth/ro` request after validation: exactly one grant, with the parameters it needs. */
export type RoRequest =
  | (RoCommon & {
      readonly grant_type: 'password';
      readonly username: string;
      readonly password: string;
      /** The second factor (TOTP code or recovery code) on a connection with `options.mfa` (docs/spec.md §5.9). */
      readonly mfa_code?: string;
    })
  | (RoCommon & { readonly grant_type: typeof JWT_BEARER_GRANT; readonly id_token: string; readonly device: string });

/**
 * Auth0's own example sent `mfa_code` as a JSON number (`"mfa_code": 99999`): a whole number of up
 * to six digits is read as the six-digit code it stands for (leading zeros restored).
 */
function withTextMfaCode(body: BodyParams): BodyParams {
  const code = Object.hasOwn(body, 'mfa_code') ? body.mfa_code : undefined;
  if (typeof code !== 'number' || !Number.isInteger(code) || code < 0 || code > 999_999) return body;
  return { ...body, mfa_code: String(code).padStart(6, '0') };
}

/** @example parseScope('openid  email openid'); // ['openid', 'email'] */
export function parseScope(scope: string | undefined): string[] {
  return scope ? [...new Set(scope.split(/\s+/).filter(Boolean))] : [];
}

/**
 * Validates the parameters of `POST /oauth/ro` (docs/spec.md §3) into a typed request. `grant_type`
 * defaults to `password`, as every client of the endpoint sent it.
 *
 * @example
 * validateRoRequest({ client_id: 'app', connection: 'db', username: 'a@b.c', password: 'x' });
 */
export function validateRoRequest(body: BodyParams): Result<RoRequest, OAuthError> {
  return inSyncSpan('validate', {}, () => validateParams(body));
}

function validateParams(body: BodyParams): Result<RoRequest, OAuthError> {
  const read = readStringParams(withTextMfaCode(body), RO_PARAMS, { id_token: 8192, password: 1024, mfa_code: 64 });
  if (!read.ok) return read;
  const p = read.value;
  if (!p.client_id) return missing('client_id');
  if (!p.connection) return missing('connection');
  const common: RoCommon = {
    client_id: p.client_id,
    connection: p.connection,
    scope: parseScope(p.scope),
    ...(p.device ? { device: p.device } : {}),
  };
  const grant = p.grant_type ?? 'password';
  if (grant === 'password') {
    if (!p.username) return missing('username');
    if (!p.password) return missing('password');
    const refused = checkIdentifier('username', p.username);
    if (refused) return err(refused);
    return ok({ ...common, grant_type: 'password', username: p.username, password: p.password, ...(p.mfa_code ? { mfa_code: p.mfa_code } : {}) });
  }
  if (grant === JWT_BEARER_GRANT) {
    if (!p.id_token) return missing('id_token');
    if (!p.device) return missing('device');
    return ok({ ...common, grant_type: JWT_BEARER_GRANT, id_token: p.id_token, device: p.device });
  }
  return err(oauthError('unsupported_grant_type', `grant type ${grant.slice(0, 100)} is not supported`));
}
