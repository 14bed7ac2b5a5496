import { adminUserView } from '../admin/admin-user-view.js';
import { deleteUser } from '../admin/delete-user.js';
import { deleteFromCustomDatabase } from '../admin/delete-from-custom-database.js';
import { setUserBlocked } from '../admin/set-user-blocked.js';
import { setUserPassword } from '../admin/set-user-password.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { parseBody, type BodyParams } from '../http/parse-body.js';
import { errorResponse, jsonResponse, noContent } from '../http/respond.js';
import type { UserRecord } from '../ports/user-store.js';
import { err, ok, type Result } from '../util/result.js';
import { adminRoute, pathUserId } from './admin-route.js';

/** What PATCH may change. */
interface UserChanges {
  readonly blocked?: boolean;
  readonly password?: string;
}

/**
 * Reads a PATCH body the way Auth0's Management API validates it: `blocked` a boolean, `password` a
 * string, `connection` (optional) the user's own connection; any other property is refused rather
 * than silently ignored, and at least one change is required.
 */
function readChanges(body: BodyParams, user: UserRecord): Result<UserChanges, OAuthError> {
  for (const key of Object.keys(body)) {
    if (key !== 'blocked' && key !== 'password' && key !== 'connection') {
      return err(oauthError('invalid_parameter', `${key.slice(0, 64)} cannot be changed here (only blocked and password)`));
    }
  }
  const { blocked, password, connection } = body;
  if (blocked !== undefined && typeof blocked !== 'boolean') return err(oauthError('invalid_parameter', 'blocked must be a boolean'));
  if (password !== undefined && typeof password !== 'string') return err(oauthError('invalid_parameter', 'password must be a string'));
  if (connection !== undefined && connection !== user.connection) {
    return err(oauthError('invalid_parameter', 'connection must be the connection of the user'));
  }
  if (blocked === undefined && password === undefined) return err(oauthError('invalid_request', 'nothing to change: send blocked and/or password'));
  return ok({ ...(blocked === undefined ? {} : { blocked }), ...(password === undefined ? {} : { password }) });
}

/**
 * `GET /api/v2/users/{user_id}` (admin token): the user as Auth0's Management API shows it, with
 * `blocked`. 404 for an unknown user.
 *
 * @example await handleAdminGetUser(ctx, request); // 200 {"user_id":"auth0|…","email":…,"blocked":false,…}
 */
export const handleAdminGetUser = adminRoute('Get a user', async (ctx, request) => {
  const user_id = pathUserId(request);
  const user = user_id === undefined ? undefined : await ctx.deps.users.findById(user_id);
  return { response: user ? jsonResponse(200, adminUserView(user)) : errorResponse(oauthError('user_not_found')), ...(user_id === undefined ? {} : { user_id }) };
});

/**
 * `PATCH /api/v2/users/{user_id}` (admin token) `{"blocked": true|false}` and/or `{"password": "…"}`:
 * blocks or unblocks the user administratively, sets a database user's password (policy-checked;
 * it releases the user's brute-force blocks). 200 with the updated user; 400 for a bad body, a weak
 * password or a user without a password here; 404 for an unknown user.
 *
 * @example await handleAdminPatchUser(ctx, request); // 200 {"user_id":"auth0|…","blocked":true,…}
 */
export const handleAdminPatchUser = adminRoute('Update a user', async (ctx, request) => {
  const user_id = pathUserId(request);
  // The body first, so a malformed one gets the same 4xx whether or not the user exists.
  const body = parseBody(request);
  if (!body.ok) return { response: errorResponse(body.error) };
  const user = user_id === undefined ? undefined : await ctx.deps.users.findById(user_id);
  if (!user) return { response: errorResponse(oauthError('user_not_found')), ...(user_id === undefined ? {} : { user_id }) };
  const changes = readChanges(body.value, user);
  if (!changes.ok) return { response: errorResponse(changes.error), user_id: user.user_id };
  let updated = user;
  if (changes.value.password !== undefined) {
    const result = await setUserPassword(ctx.deps, ctx.index.config, user.user_id, changes.value.password);
    if (!result.ok) return { response: errorResponse(result.error), user_id: user.user_id };
    updated = result.value;
  }
  if (changes.value.blocked !== undefined) {
    const result = await setUserBlocked(ctx.deps, user.user_id, changes.value.blocked);
    if (!result.ok) return { response: errorResponse(result.error), user_id: user.user_id };
    updated = result.value;
  }
  return { response: jsonResponse(200, adminUserView(updated)), user_id: user.user_id };
});

/**
 * `DELETE /api/v2/users/{user_id}` (admin token): deletes the user, revokes its refresh tokens,
 * deletes its device keys and clears its brute-force counts. 204, also for an unknown user (as
 * Auth0 answered: deleting is idempotent). A custom-database user without `import_mode` is deleted
 * upstream first by the connection's `delete` script (docs/spec.md §5.7).
 *
 * @example await handleAdminDeleteUser(ctx, request); // 204
 */
export const handleAdminDeleteUser = adminRoute('Delete a user', async (ctx, request) => {
  const user_id = pathUserId(request);
  if (user_id !== undefined) {
    const upstream = await deleteFromCustomDatabase(ctx.deps, ctx.index.config, user_id);
    if (!upstream.ok) return { response: errorResponse(upstream.error), user_id };
    await deleteUser(ctx.deps, ctx.index.config, user_id);
  }
  return { response: noContent(), ...(user_id === undefined ? {} : { user_id }) };
});
