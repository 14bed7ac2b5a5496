import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { BodyParams } from '../http/parse-body.js';
import { err, ok, type Result } from '../util/result.js';
import { checkIdentifier } from './check-identifier.js';
import { missing, readStringParams } from './read-params.js';
import { inSyncSpan } from '../tracing/tracer.js';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const RO_PARAMS = ['client_id', 'connection', 'grant_type', 'username', 'password', 'scope', 'id_token', 'device'] as const;

interface RoCommon {
  readonly client_id: string;
  readonly connection: string;
  /** Scope words, in order, without duplicates; empty when no `scope` was sent. */
  readonly scope: readonly string[];
  readonly device?: string;
}

/** A `/oauth/ro` request after validation: exactly one grant, with the parameters it needs. */
export type RoRequest =
  | (RoCommon & { readonly grant_type: 'password'; readonly username: string; readonly password: string })
  | (RoCommon & { readonly grant_type: typeof JWT_BEARER_GRANT; readonly id_token: string; readonly device: string });

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
  const read = readStringParams(body, RO_PARAMS, { id_token: 8192, password: 1024 });
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
    return ok({ ...common, grant_type: 'password', username: p.username, password: p.password });
  }
  if (grant === JWT_BEARER_GRANT) {
    if (!p.id_token) return missing('id_token');
    if (!p.device) return missing('device');
    return ok({ ...common, grant_type: JWT_BEARER_GRANT, id_token: p.id_token, device: p.device });
  }
  return err(oauthError('unsupported_grant_type', `grant type ${grant.slice(0, 100)} is not supported`));
}
