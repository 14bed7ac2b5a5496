import type { ClientConfig, ConnectionConfig } from '../config/types.js';
import type { OAuthError } from '../errors/oauth-error.js';
import type { Result } from '../util/result.js';
import type { UserRecord } from './user-store.js';

/**
 * How the user got here, in Auth0's `context.protocol` words: `/oauth/ro` password logins are
 * `oauth2-resource-owner`, Touch ID `oauth2-resource-owner-jwt-bearer`, refresh `oauth2-refresh-token`,
 * `/oauth/token` password grants `oauth2-password`, `/delegation` `delegation`.
 */
export type LoginProtocol =
  | 'oauth2-resource-owner'
  | 'oauth2-resource-owner-jwt-bearer'
  | 'oauth2-refresh-token'
  | 'oauth2-password'
  | 'oauth2-token-exchange'
  | 'oauth2-access-token'
  | 'delegation'
  /** A passwordless link or `verify_redirect`: tokens delivered in the redirect's fragment. */
  | 'oidc-implicit-profile';

/** What a post-login step sees: the user as stored, the client, the connection and the request. */
export interface PostLoginInput {
  readonly user: UserRecord;
  readonly client: ClientConfig;
  readonly connection?: ConnectionConfig;
  readonly protocol: LoginProtocol;
  readonly scope: readonly string[];
  readonly request: { readonly ip: string; readonly user_agent?: string };
  /**
   * When this login's second factor passed (epoch ms): set when the step runs after the code was
   * checked (the `mfa-otp` grant), so a step asking for MFA can see it is done, as Auth0's Rules read
   * `context.authentication.methods` (`{ name: 'mfa' }`) and Actions `event.authentication.methods`.
   */
  readonly mfaPassedAt?: number;
}

/** What a post-login step may change. Claims outside a namespace (`https://…`) are dropped, as Auth0 did. */
export interface PostLoginChanges {
  readonly idTokenClaims?: Readonly<Record<string, unknown>>;
  readonly accessTokenClaims?: Readonly<Record<string, unknown>>;
  /** Replaces `app_metadata` / `user_metadata` of the stored user. */
  readonly app_metadata?: Readonly<Record<string, unknown>>;
  readonly user_metadata?: Readonly<Record<string, unknown>>;
  /**
   * A second factor the step asks for: a Rule's `context.multifactor`, an Action's
   * `api.multifactor.enable(provider, options)` (docs/spec.md §5.9). `provider` is Auth0's word
   * (`any`, `guardian`, `google-authenticator`; `none` asks for nothing); password logins then
   * need the TOTP code as if the connection's `options.mfa` were active.
   */
  readonly multifactor?: { readonly provider: string; readonly allowRememberBrowser?: boolean };
}

/** What a pre-sign-up step sees. */
export interface PreSignupInput {
  readonly email?: string;
  readonly username?: string;
  readonly user_metadata?: Readonly<Record<string, unknown>>;
  readonly client: ClientConfig;
  readonly connection: ConnectionConfig;
  readonly request: { readonly ip: string; readonly user_agent?: string };
}

/** Metadata a pre-sign-up step adds to the new user. */
export interface PreSignupChanges {
  readonly app_metadata?: Readonly<Record<string, unknown>>;
  readonly user_metadata?: Readonly<Record<string, unknown>>;
}

/**
 * Extension points (Auth0's Rules, Actions and Hooks run through them): after every successful
 * login and before every sign-up. An error result refuses the login (`unauthorized` with the step's
 * message, as Auth0 answered) or the sign-up; implementations enforce their own time budget and
 * answer failures as results, never by throwing.
 *
 * @example
 * const hooks: LoginHooks = {
 *   postLogin: async ({ user }) => ok({ idTokenClaims: { 'https://example.com/plan': user.profile.app_metadata?.['plan'] } }),
 * };
 */
export interface LoginHooks {
  postLogin?(input: PostLoginInput): Promise<Result<PostLoginChanges, OAuthError>>;
  preSignup?(input: PreSignupInput): Promise<Result<PreSignupChanges, OAuthError>>;
}
