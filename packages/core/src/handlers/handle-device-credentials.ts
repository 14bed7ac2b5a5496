import { readDevicePublicKey } from '../devices/read-device-public-key.js';
import { oauthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse, noContent } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import type { RefreshTokenRecord } from '../ports/refresh-token-store.js';
import type { UserRecord } from '../ports/user-store.js';
import { accessTokenAudience } from '../tokens/mint-tokens.js';
import { verifyIssuedToken } from '../tokens/verify-token.js';
import { toHex } from '../util/encoding.js';
import { missing, readStringParams } from '../validation/read-params.js';
import type { HandlerContext } from './context.js';
import { bearerToken } from './handle-profile.js';
import { pathId } from './path-id.js';

const TYPES = ['public_key', 'refresh_token', 'rotating_refresh_token'] as const;
const MAX_NAME = 256;

/**
 * The user of the bearer token, if still allowed in. Only an access token will do (SPEC §3): an
 * id_token is shown to more parties than its app, and must not be enough to enrol a login key.
 */
async function bearerUser(ctx: HandlerContext, request: OAuthRequest): Promise<UserRecord | OAuthResponse> {
  const token = bearerToken(request.headers);
  if (!token) return errorResponse(oauthError('invalid_token', 'missing bearer token'));
  const claims = await verifyIssuedToken(ctx.mint, token, ctx.deps.clock.now());
  const aud = claims.ok ? claims.value.aud : undefined;
  const isAccessToken = (Array.isArray(aud) ? aud : [aud]).includes(accessTokenAudience(ctx.mint.issuer));
  const user = claims.ok && isAccessToken ? await ctx.deps.users.findById(claims.value.sub) : undefined;
  return user && !user.blocked ? user : errorResponse(oauthError('invalid_token'));
}

const isResponse = (value: UserRecord | OAuthResponse): value is OAuthResponse => 'status' in value;

/** A user's refresh-token families that can still be used: one entry per family, newest member. */
function liveFamilies(records: readonly RefreshTokenRecord[], now: number): RefreshTokenRecord[] {
  const byFamily = new Map<string, RefreshTokenRecord>();
  for (const r of records) {
    if (r.expires_at !== undefined && r.expires_at <= now) continue;
    const seen = byFamily.get(r.family_id);
    if (!seen || seen.created_at <= r.created_at) byFamily.set(r.family_id, r);
  }
  return [...byFamily.values()];
}

/**
 * `POST /api/v2/device-credentials` `{device_name, type: "public_key", value, device_id, client_id}`
 * with the user's own token as bearer: registers a device public key for the Touch ID flow (PEM or
 * JWK; RSA → RS256, P-256 → ES256). 201 `{id}`; 409 when the device already has a key.
 *
 * @example await handleCreateDeviceCredential(ctx, request); // 201 {"id":"dcr_…"}
 */
export async function handleCreateDeviceCredential(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const store = ctx.deps.deviceCredentials;
  if (!store) return errorResponse(oauthError('not_found', 'device credentials are not enabled'));
  // The body first, so an oversized or malformed body gets the same answer on every adapter.
  const body = parseBody(request);
  if (!body.ok) return errorResponse(body.error);
  const user = await bearerUser(ctx, request);
  if (isResponse(user)) return user;
  const read = readStringParams(body.value, ['device_name', 'type', 'device_id', 'client_id'], {
    device_name: MAX_NAME,
    device_id: MAX_NAME,
  });
  if (!read.ok) return errorResponse(read.error);
  const p = read.value;
  for (const name of ['device_name', 'type', 'device_id', 'client_id'] as const) {
    if (!p[name]) return errorResponse(missing(name).error);
  }
  if (p.type !== 'public_key') return errorResponse(oauthError('invalid_parameter', 'type must be public_key'));
  if (body.value.value === undefined || body.value.value === '') return errorResponse(missing('value').error);
  if (!ctx.index.clients.has(p.client_id!)) return errorResponse(oauthError('invalid_parameter', 'client_id is not a known client'));
  const key = await readDevicePublicKey(body.value.value);
  if (!key.ok) return errorResponse(key.error);

  const id = `dcr_${toHex(ctx.deps.random.bytes(12))}`;
  const created = await store.create({
    id,
    user_id: user.user_id,
    client_id: p.client_id!,
    device_id: p.device_id!,
    device_name: p.device_name!,
    type: 'public_key',
    public_jwk: JSON.stringify(key.value.jwk),
    alg: key.value.alg,
    created_at: ctx.deps.clock.now(),
  });
  if (!created.created) return errorResponse(oauthError('device_credential_exists'));
  ctx.deps.logger?.info({ event: 'sdcr', user_id: user.user_id, client_id: p.client_id, alg: key.value.alg }, 'device key registered');
  return jsonResponse(201, { id });
}

/**
 * `GET /api/v2/device-credentials[?type=public_key|refresh_token|rotating_refresh_token&client_id=…]`:
 * the caller's own device keys and devices holding refresh tokens (one entry per token family,
 * whose `id` revokes it through DELETE), as Auth0 listed them.
 *
 * @example await handleListDeviceCredentials(ctx, request); // 200 [{"id":"dcr_…","type":"refresh_token",…}]
 */
export async function handleListDeviceCredentials(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const user = await bearerUser(ctx, request);
  if (isResponse(user)) return user;
  const query = new URLSearchParams(request.query ?? '');
  const type = query.get('type') ?? undefined;
  if (type !== undefined && !TYPES.includes(type as (typeof TYPES)[number])) {
    return errorResponse(oauthError('invalid_parameter', `type must be one of ${TYPES.join(', ')}`));
  }
  const userId = query.get('user_id');
  if (userId !== null && userId !== user.user_id) {
    return errorResponse(oauthError('access_denied', 'only your own device credentials can be listed'));
  }
  const clientId = query.get('client_id');
  const out: Record<string, unknown>[] = [];
  if ((type === undefined || type === 'public_key') && ctx.deps.deviceCredentials) {
    for (const k of await ctx.deps.deviceCredentials.listByUser(user.user_id)) {
      out.push({ id: k.id, device_name: k.device_name, device_id: k.device_id, type: k.type, user_id: k.user_id, client_id: k.client_id });
    }
  }
  if (type !== 'public_key' && ctx.deps.refreshTokens) {
    for (const r of liveFamilies(await ctx.deps.refreshTokens.listByUser(user.user_id), ctx.deps.clock.now())) {
      const kind = r.rotating ? 'rotating_refresh_token' : 'refresh_token';
      if (type === undefined || type === kind) {
        out.push({ id: r.family_id, device_name: r.device, type: kind, user_id: r.user_id, client_id: r.client_id });
      }
    }
  }
  return jsonResponse(200, clientId === null ? out : out.filter((c) => c.client_id === clientId));
}

/**
 * `DELETE /api/v2/device-credentials/{id}`: deletes one of the caller's device keys, or revokes one of
 * the caller's refresh-token families. 204; 404 when the id is not the caller's.
 *
 * @example await handleDeleteDeviceCredential(ctx, request); // 204
 */
export async function handleDeleteDeviceCredential(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const user = await bearerUser(ctx, request);
  if (isResponse(user)) return user;
  const id = pathId(request, MAX_NAME);
  if (id === undefined) return errorResponse(oauthError('not_found', 'device credential not found'));
  let done = ctx.deps.deviceCredentials ? await ctx.deps.deviceCredentials.delete(user.user_id, id) : false;
  if (!done && ctx.deps.refreshTokens) {
    const owned = (await ctx.deps.refreshTokens.listByUser(user.user_id)).some((r) => r.family_id === id);
    if (owned) done = (await ctx.deps.refreshTokens.revokeFamily(id, ctx.deps.clock.now())) > 0;
  }
  if (!done) return errorResponse(oauthError('not_found', 'device credential not found'));
  ctx.deps.logger?.info({ event: 'sddc', user_id: user.user_id, id }, 'device credential deleted');
  return noContent();
}
