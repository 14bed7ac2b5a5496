import { listBruteForceBlocks } from '../admin/list-brute-force-blocks.js';
import { listUserBlocks } from '../admin/list-user-blocks.js';
import type { BruteForceBlock } from '../admin/types.js';
import { unblockIdentifier } from '../admin/unblock-identifier.js';
import { unblockUser } from '../admin/unblock-user.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { errorResponse, jsonResponse, noContent } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { err, ok, type Result } from '../util/result.js';
import { checkIdentifier } from '../validation/check-identifier.js';
import { isStorableText } from '../validation/check-text.js';
import { missing } from '../validation/read-params.js';
import { adminRoute, pathUserId } from './admin-route.js';

const MAX_IDENTIFIER = 512;

/** Auth0's `blocked_for` entries: `{identifier, ip, connection}`. */
function blockedFor(blocks: readonly BruteForceBlock[]): OAuthResponse {
  return jsonResponse(200, { blocked_for: blocks.map((b) => ({ identifier: b.identifier, ip: b.ip, connection: b.connection })) });
}

/** `identifier` (required, once) and Auth0's optional `consider_brute_force_enablement` (`true`/`false`; blocks are only ever counted where protection is on). */
function readIdentifierQuery(request: OAuthRequest): Result<string, OAuthError> {
  const query = new URLSearchParams(request.query ?? '');
  const consider = query.getAll('consider_brute_force_enablement');
  if (consider.length > 1 || (consider.length === 1 && consider[0] !== 'true' && consider[0] !== 'false')) {
    return err(oauthError('invalid_parameter', 'consider_brute_force_enablement must be true or false'));
  }
  const values = query.getAll('identifier');
  if (values.length > 1) return err(oauthError('invalid_parameter', 'identifier must be given once'));
  const identifier = values[0]?.trim() ?? '';
  if (identifier === '') return missing('identifier');
  if (identifier.length > MAX_IDENTIFIER) return err(oauthError('invalid_parameter', 'identifier is too long'));
  if (!isStorableText(identifier)) return err(oauthError('invalid_parameter', 'identifier must not contain control characters or ill-formed Unicode'));
  const refused = checkIdentifier('identifier', identifier);
  if (refused) return err(refused);
  return ok(identifier);
}

/**
 * `GET /api/v2/user-blocks?identifier=<email, username or phone>` (admin token): the brute-force
 * blocks of that identifier on every connection, `{"blocked_for":[{"identifier","ip","connection"}]}`.
 *
 * @example await handleAdminListBlocks(ctx, request); // 200 {"blocked_for":[{"identifier":"a@example.com","ip":"203.0.113.9","connection":"Username-Password-Authentication"}]}
 */
export const handleAdminListBlocks = adminRoute('Get blocks by identifier', async (ctx, request) => {
  const identifier = readIdentifierQuery(request);
  if (!identifier.ok) return { response: errorResponse(identifier.error) };
  return { response: blockedFor(await listBruteForceBlocks(ctx.deps, ctx.index.config, { identifier: identifier.value })) };
});

/**
 * `DELETE /api/v2/user-blocks?identifier=…` (admin token): releases that identifier's brute-force
 * blocks (from every IP, on every connection; `ublkdu` each). 204, also when there was none.
 *
 * @example await handleAdminUnblockIdentifier(ctx, request); // 204
 */
export const handleAdminUnblockIdentifier = adminRoute('Unblock by identifier', async (ctx, request) => {
  const identifier = readIdentifierQuery(request);
  if (!identifier.ok) return { response: errorResponse(identifier.error) };
  await unblockIdentifier(ctx.deps, ctx.index.config, identifier.value);
  return { response: noContent() };
});

/**
 * `GET /api/v2/user-blocks/{user_id}` (admin token): the brute-force blocks of each of the user's
 * identifiers on its connection. 404 for an unknown user.
 *
 * @example await handleAdminListUserBlocks(ctx, request); // 200 {"blocked_for":[…]}
 */
export const handleAdminListUserBlocks = adminRoute('Get blocks of a user', async (ctx, request) => {
  const user_id = pathUserId(request);
  if (user_id === undefined) return { response: errorResponse(oauthError('user_not_found')) };
  const blocks = await listUserBlocks(ctx.deps, ctx.index.config, user_id);
  return { response: blocks.ok ? blockedFor(blocks.value) : errorResponse(blocks.error), user_id };
});

/**
 * `DELETE /api/v2/user-blocks/{user_id}` (admin token): releases the user's brute-force blocks
 * (`ublkdu` each). 204; 404 for an unknown user. An administrator's block stays: PATCH the user.
 *
 * @example await handleAdminUnblockUser(ctx, request); // 204
 */
export const handleAdminUnblockUser = adminRoute('Unblock a user', async (ctx, request) => {
  const user_id = pathUserId(request);
  if (user_id === undefined) return { response: errorResponse(oauthError('user_not_found')) };
  const released = await unblockUser(ctx.deps, ctx.index.config, user_id);
  return { response: released.ok ? noContent() : errorResponse(released.error), user_id };
});
