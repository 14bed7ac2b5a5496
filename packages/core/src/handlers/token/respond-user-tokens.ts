import type { ClientConfig, ResourceServerConfig } from '../../config/types.js';
import { completeLogin, type CompletedLogin } from '../../tokens/complete-login.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import type { OAuthRequest } from '../../http/types.js';
import type { UserRecord } from '../../ports/user-store.js';
import { issueRefreshToken } from '../../tokens/issue-refresh-token.js';
import { accessTokenLifetime } from '../../tokens/mint-tokens.js';
import { err, ok, type Result } from '../../util/result.js';
import { parseScope } from '../../validation/validate-ro-request.js';
import type { HandlerContext } from '../context.js';

/** OIDC scope words an access token for an API keeps besides the API's own. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'address', 'phone', 'offline_access']);

/**
 * Of `scope`, what an access token for `api` may carry: OIDC words and the scopes the API defines
 * (all of `scope` without an API).
 *
 * @example apiScope(notesApi, ['openid', 'read:notes', 'delete:everything']); // ['openid', 'read:notes']
 */
export function apiScope(api: ResourceServerConfig | undefined, scope: readonly string[]): string[] {
  if (!api) return [...scope];
  const defined = new Set(api.scopes.map((s) => s.value));
  return scope.filter((w) => OIDC_SCOPES.has(w) || defined.has(w));
}

/** The body of a successful `/oauth/token` answer for a user. */
export interface UserTokenResponse {
  readonly access_token: string;
  readonly id_token?: string;
  readonly refresh_token?: string;
  readonly scope: string;
  readonly expires_in: number;
  readonly token_type: 'Bearer';
}

/**
 * The API an `audience` names: 403 `access_denied` `Service not found: …` when none does.
 *
 * @example resolveApi(ctx, 'https://api.example.com/');
 */
export function resolveApi(ctx: HandlerContext, audience: string | undefined): Result<ResourceServerConfig | undefined, OAuthError> {
  if (audience === undefined) return ok(undefined);
  const api = (ctx.index.config.resource_servers ?? []).find((r) => r.identifier === audience);
  return api ? ok(api) : err(oauthError('access_denied', `Service not found: ${audience.slice(0, 200)}`));
}

/**
 * Mints what a user login at `/oauth/token` returns: the access token (for the API of `audience`
 * when asked: its identifier and userinfo as `aud`, its lifetime, and of the requested scope only
 * OIDC words and scopes the API defines), the id_token under `openid`, and a refresh token under
 * `offline_access` (for an API only when it allows offline access), bound to `device` or else to
 * the user agent. The id_token's claims follow the whole requested scope, as on `/oauth/ro`.
 *
 * @example
 * const body = await userTokens(ctx, request, client, user, undefined, { scope: 'openid offline_access' }, 'password', { protocol: 'oauth2-password' });
 */
export async function userTokens(
  ctx: HandlerContext,
  request: OAuthRequest,
  client: ClientConfig,
  user: UserRecord,
  api: ResourceServerConfig | undefined,
  params: { readonly scope?: string; readonly device?: string },
  gty: string | undefined,
  login: Pick<CompletedLogin, 'connection' | 'protocol' | 'secondFactor' | 'mfaPassedAt'>,
): Promise<Result<UserTokenResponse, OAuthError>> {
  const requested = parseScope(params.scope);
  const accessScope = apiScope(api, requested);
  const offline = requested.includes('offline_access') && (!api || api.allow_offline_access);
  const device = params.device ?? request.headers['user-agent']?.slice(0, 100) ?? 'unknown device';
  const idScope = offline ? requested : requested.filter((w) => w !== 'offline_access');
  // The post-login step (Rules, Actions) runs before any refresh token is stored.
  const minted = await completeLogin(ctx.deps, ctx.mint, {
    client,
    ...(login.connection ? { connection: login.connection } : {}),
    user,
    scope: idScope,
    protocol: login.protocol,
    request,
    refreshToken: async () => (offline ? issueRefreshToken(ctx.deps, client, user, requested, device, api?.identifier) : undefined),
    ...(login.secondFactor ? { secondFactor: login.secondFactor } : {}),
    ...(login.mfaPassedAt === undefined ? {} : { mfaPassedAt: login.mfaPassedAt }),
    access: {
      ...(api ? { api } : {}),
      ...(gty === undefined ? {} : { gty }),
      scope: offline ? accessScope : accessScope.filter((w) => w !== 'offline_access'),
    },
  });
  if (!minted.ok) return minted;
  const tokens = minted.value;
  return ok({
    access_token: tokens.access_token,
    ...(tokens.id_token === undefined ? {} : { id_token: tokens.id_token }),
    ...(tokens.refresh_token === undefined ? {} : { refresh_token: tokens.refresh_token }),
    scope: (offline ? accessScope : accessScope.filter((w) => w !== 'offline_access')).join(' '),
    expires_in: accessTokenLifetime(client, api),
    token_type: 'Bearer',
  });
}
