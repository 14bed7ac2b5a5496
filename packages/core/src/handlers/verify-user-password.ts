import type { ConnectionConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { OAuthRequest } from '../http/types.js';
import { loginPasswordlessUser } from '../passwordless/login-passwordless-user.js';
import type { UserRecord } from '../ports/user-store.js';
import { bruteForceSubject } from '../protection/brute-force-subject.js';
import { guardPasswordAttempt } from '../protection/guard-password-attempt.js';
import { findDatabaseUser, loginDatabaseUser } from '../strategies/database/login-database-user.js';
import { loginDirectoryUser } from '../strategies/directory/login-directory-user.js';
import { err, type Result } from '../util/result.js';
import type { HandlerContext } from './context.js';

/**
 * A database login counted per user, whichever of its identifiers was typed (email or username):
 * the user is looked up first, and its count kept under {@link bruteForceSubject}.
 */
async function loginDatabaseUserGuarded(
  ctx: HandlerContext,
  connection: ConnectionConfig,
  username: string,
  password: string,
  ip: string,
): Promise<Result<UserRecord, OAuthError>> {
  const found = (await findDatabaseUser(ctx.deps, connection, username)) ?? null;
  return guardPasswordAttempt(
    ctx.deps,
    connection,
    bruteForceSubject(found, username),
    ip,
    () => loginDatabaseUser(ctx.deps, connection, username, password, found),
    ctx.ipLimits,
  );
}

function verifyByStrategy(
  ctx: HandlerContext,
  connection: ConnectionConfig,
  username: string,
  password: string,
  ip: string,
): Promise<Result<UserRecord, OAuthError>> {
  switch (connection.strategy) {
    case 'auth0':
      return loginDatabaseUserGuarded(ctx, connection, username, password, ip);
    case 'ad':
    case 'waad':
    case 'adfs':
      return guardPasswordAttempt(
        ctx.deps,
        connection,
        username,
        ip,
        () => loginDirectoryUser(ctx.deps, connection, username, password, ip),
        ctx.ipLimits,
      );
    case 'sms':
    case 'email':
      return loginPasswordlessUser(ctx.deps, ctx.passwordless, connection, username, password);
    default:
      return Promise.resolve(err(oauthError('unsupported_operation')));
  }
}

/**
 * A user's password (or, on `sms`/`email` connections, one-time code) checked with every protection
 * of a login: the per-user and per-IP limits (slots taken before judging, docs/security.md), and the
 * login metrics. `/oauth/ro` and the password, password-realm and passwordless grants of
 * `/oauth/token` all log users in through here.
 *
 * @example
 * const user = await verifyUserPassword(ctx, request, connection, 'ada@example.com', 'correct horse');
 */
export async function verifyUserPassword(
  ctx: HandlerContext,
  request: Pick<OAuthRequest, 'ip'>,
  connection: ConnectionConfig,
  username: string,
  password: string,
): Promise<Result<UserRecord, OAuthError>> {
  const started = performance.now();
  const user = await verifyByStrategy(ctx, connection, username, password, request.ip);
  ctx.metrics.observeLogin(connection.name, user.ok ? 'success' : user.error.code, (performance.now() - started) / 1000);
  return user;
}
