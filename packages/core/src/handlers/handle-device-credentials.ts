import { readDevicePublicKey } from '../devices/read-device-public-key.js';
import { oauthError } from '../errors/oauth-error.js';
import { parseBody } from '../http/parse-body.js';
import { errorResponse, jsonResponse, noContent } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import type { UserRecord } from '../ports/user-store.js';
import { liveFamilies } from '../tokens/live-families.js';
import { accessTokenAudience } from '../tokens/mint-access-token.js';
import { verifyAccessToken } from '../tokens/verify-access-token.js';
import { verifyIdToken } from '../tokens/verify-id-token.js';
import { toHex } from '../util/encoding.js';
import { missing, readStringParams } from '../validation/read-params.js';
import type { HandlerContext } from './context.js';
import { bearerToken } from './handle-profile.js';
import { pathId } from './path-id.js';

const TYPES = ['public_key', 'refresh_token', 'rotating_refresh_token'] as const;
const MAX_NAME = 256;

/** Who called: the user, and the one client they may act for when the bearer is an id_token. */
interface Caller {
  readonly user: UserRecord;
  /** Set when the bearer was an id_token: only this client's credentials are the caller's to see. */
  readonly onlyClient?: string;
}

/**
 * The caller, from the bearer token (docs/spec.md §3): an access token of ours (`typ: at+jwt`, userinfo
 * audience) for all of the user's device credentials; or, as Auth0's Touch ID enrolment (Lock's
 * flow) sent it, an id_token signed with the server's own keys, for the one client it was issued to
 * (`client_id`, when the request names one, must be it). Never an HS256 id_token: a client's secret
 * must not be enough to enrol a login key. Anything else is 401.
 */
async function bearerCaller(ctx: HandlerContext, request: OAuthRequest, client_id?: string): Promise<Caller | OAuthResponse> {
  const token = bearerToken(request.headers);
  if (!token) return errorResponse(oauthError('invalid_token', 'missing bearer token'));
  const now = ctx.deps.clock.now();
  let sub: string | undefined;
  let onlyClient: string | undefined;
  const access = await verifyAccessToken(ctx.mint, token, now, { audience: accessTokenAudience(ctx.mint.issuer) });
  if (access.ok) {
    sub = access.value.sub;
  } else {
    const id = await verifyIdToken(ctx.mint, token, now, { serverKeysOnly: true, ...(client_id === undefined ? {} : { client_id }) });
    if (id.ok) ({ sub, aud: onlyClient } = id.value);
  }
  const user = sub === undefined ? undefined : await ctx.deps.users.findById(sub);
  if (!user || user.blocked) return errorResponse(oauthError('invalid_token'));
  return onlyClient === undefined ? { user } : { user, onlyClient };
}

const isResponse = (value: Caller | OAuthResponse): value is OAuthResponse => 'status' in value;

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
  const bodyClient = body.value.client_id;
  const caller = await bearerCaller(ctx, request, typeof bodyClient === 'string' ? bodyClient : undefined);
  if (isResponse(caller)) return caller;
  const { user } = caller;
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
  if (caller.onlyClient !== undefined && caller.onlyClient !== p.client_id) return errorResponse(oauthError('invalid_token'));
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
  const caller = await bearerCaller(ctx, request);
  if (isResponse(caller)) return caller;
  const { user } = caller;
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
  const onlyClient = caller.onlyClient ?? clientId;
  return jsonResponse(200, onlyClient === null ? out : out.filter((c) => c.client_id === onlyClient));
}

/**
 * `DELETE /api/v2/device-credentials/{id}`: deletes one of the caller's device keys, or revokes one of
 * the caller's refresh-token families. 204; 404 when the id is not the caller's.
 *
 * @example await handleDeleteDeviceCredential(ctx, request); // 204
 */
export async function handleDeleteDeviceCredential(ctx: HandlerContext, request: OAuthRequest): Promise<OAuthResponse> {
  const caller = await bearerCaller(ctx, request);
  if (isResponse(caller)) return caller;
  const { user, onlyClient } = caller;
  const id = pathId(request, MAX_NAME);
  if (id === undefined) return errorResponse(oauthError('not_found', 'device credential not found'));
  const store = ctx.deps.deviceCredentials;
  const key = store && (await store.listByUser(user.user_id)).find((k) => k.id === id);
  let done = key !== undefined && (onlyClient === undefined || key.client_id === onlyClient) ? await store!.delete(user.user_id, id) : false;
  if (!done && ctx.deps.refreshTokens) {
    const owned = (await ctx.deps.refreshTokens.listByUser(user.user_id)).some(
      (r) => r.family_id === id && (onlyClient === undefined || r.client_id === onlyClient),
    );
    if (owned) done = (await ctx.deps.refreshTokens.revokeFamily(id, ctx.deps.clock.now())) > 0;
  }
  if (!done) return errorResponse(oauthError('not_found', 'device credential not found'));
  ctx.deps.logger?.info({ event: 'sddc', user_id: user.user_id, id }, 'device credential deleted');
  return noContent();
}
