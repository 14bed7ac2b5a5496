import type { ClientConfig, ConnectionConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { OAuthRequest } from '../http/types.js';
import type { CoreDeps } from '../ports/deps.js';
import type { LoginProtocol, PostLoginChanges } from '../ports/login-hooks.js';
import type { UserRecord } from '../ports/user-store.js';
import { err, ok, type Result } from '../util/result.js';
import { mintTokens, type AccessTokenOptions, type MintContext, type TokenSet } from './mint-tokens.js';

/** One successful login, ready to be turned into tokens. */
export interface CompletedLogin {
  readonly client: ClientConfig;
  readonly connection?: ConnectionConfig;
  readonly user: UserRecord;
  readonly scope: readonly string[];
  readonly protocol: LoginProtocol;
  readonly request: OAuthRequest;
  /** Issues the refresh token, if any: called only once the post-login step allowed the login. */
  readonly refreshToken?: () => Promise<string | undefined>;
  /** The id_token's `nonce`, when the login carried one (a passwordless link). */
  readonly nonce?: string;
  /** The access token's API, grant and scope when not the login's (`/oauth/token` with an `audience`). */
  readonly access?: AccessTokenOptions & { readonly scope?: readonly string[] };
  /**
   * The second factor, judged once the post-login step has run (it may have asked for one: `changes.multifactor`)
   * and before anything is saved or issued; an error refuses the login.
   */
  readonly secondFactor?: (changes: PostLoginChanges | undefined) => Promise<Result<void, OAuthError>>;
  /** When the second factor already passed (epoch ms), before the post-login step runs (`mfa-otp`). */
  readonly mfaPassedAt?: number;
}

/** A custom claim name Auth0 would keep: namespaced with an http(s) URL. */
const isNamespaced = (name: string) => /^https?:\/\//.test(name);

function namespacedClaims(claims: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(claims ?? {})) if (isNamespaced(name) && value !== undefined) kept[name] = value;
  return kept;
}

/**
 * The last step of every login: the post-login step (Auth0 Rules and Actions, `deps.hooks`) may
 * refuse it, ask for a second factor, add namespaced claims and save `app_metadata`/`user_metadata`;
 * then `secondFactor` judges the login's MFA (docs/spec.md §5.9), and only a login that passed has
 * its metadata saved, its refresh token issued and its tokens minted. A refused login issues nothing.
 *
 * @example
 * const tokens = await completeLogin(ctx.deps, ctx.mint, { client, connection, user, scope, protocol: 'oauth2-resource-owner', request });
 */
export async function completeLogin(
  deps: Pick<CoreDeps, 'hooks' | 'users' | 'clock' | 'logger'>,
  mint: MintContext,
  login: CompletedLogin,
): Promise<Result<TokenSet, OAuthError>> {
  let user = login.user;
  let extra: { idToken?: Record<string, unknown>; accessToken?: Record<string, unknown> } = {};
  const hooks = deps.hooks;
  let changes: PostLoginChanges | undefined;
  if (hooks?.postLogin) {
    const userAgent = login.request.headers['user-agent'];
    const outcome = await hooks.postLogin({
      user,
      client: login.client,
      ...(login.connection ? { connection: login.connection } : {}),
      protocol: login.protocol,
      scope: login.scope,
      request: { ip: login.request.ip, ...(userAgent === undefined ? {} : { user_agent: userAgent }) },
      ...(login.mfaPassedAt === undefined ? {} : { mfaPassedAt: login.mfaPassedAt }),
    }).catch((error: unknown) => {
      deps.logger?.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, 'post-login step failed');
      return err(oauthError('unauthorized', 'the login could not be completed'));
    });
    if (!outcome.ok) return outcome;
    changes = outcome.value;
  }
  const second = await login.secondFactor?.(changes);
  if (second && !second.ok) return second;
  if (changes) {
    const { app_metadata, user_metadata } = changes;
    if (app_metadata || user_metadata) {
      const profile = { ...user.profile, ...(app_metadata ? { app_metadata } : {}), ...(user_metadata ? { user_metadata } : {}) };
      user = (await deps.users.update(user.user_id, { profile }, new Date(deps.clock.now()).toISOString())) ?? { ...user, profile };
    }
    extra = { idToken: namespacedClaims(changes.idTokenClaims), accessToken: namespacedClaims(changes.accessTokenClaims) };
  }
  const refreshToken = await login.refreshToken?.();
  return ok(await mintTokens(mint, login.client, user, login.scope, deps.clock.now(), refreshToken, { ...login.access, ...(login.nonce === undefined ? {} : { nonce: login.nonce }), extra }));
}
