import type { OAuthError } from '../errors/oauth-error.js';
import type { Result } from '../util/result.js';
import type { UserProfile } from './user-store.js';

/** A user as a custom-database script returns it (Auth0's normalised profile; `user_id` or `id` required). */
export interface CustomDatabaseProfile extends UserProfile {
  readonly user_id?: string;
  readonly id?: string;
  readonly email?: string;
  readonly username?: string;
}

/** What a sign-up hands the `create` script (Auth0's `user` object: the password in plain text). */
export interface CustomDatabaseNewUser {
  readonly email: string;
  readonly password: string;
  readonly username?: string;
  readonly user_metadata?: Readonly<Record<string, unknown>>;
  readonly app_metadata?: Readonly<Record<string, unknown>>;
  /** The application the user signed up through. */
  readonly client_id: string;
  readonly connection: string;
}

/**
 * A database connection whose users live elsewhere (Auth0's custom database: `login`, `get_user`,
 * `create`, `verify`, `change_password`, `delete` scripts). Expected failures are results: wrong
 * credentials `invalid_user_password`, a blocked user `unauthorized`, a refused sign-up
 * `user_exists` / `username_exists` / `invalid_signup`, the upstream system unreachable or the script
 * failing `temporarily_unavailable`. The optional operations are absent when the connection has no
 * such script; with `import_mode` only `login` and `getUser` are ever called (docs/spec.md §5.7).
 *
 * @example
 * const legacy: CustomDatabase = { login: async (email, password) => ok(await checkLegacy(email, password)), getUser: async () => ok(null) };
 */
export interface CustomDatabase {
  /** The user when the password is right; `invalid_user_password` when not. */
  login(email: string, password: string): Promise<Result<CustomDatabaseProfile, OAuthError>>;
  /** The user, or null when the upstream system does not know the email. */
  getUser(email: string): Promise<Result<CustomDatabaseProfile | null, OAuthError>>;
  /** Creates the user upstream (sign-up without `import_mode`); `user_exists` when it is taken there. */
  create?(user: CustomDatabaseNewUser): Promise<Result<void, OAuthError>>;
  /** Marks the email verified upstream: true when it did (`callback(null, true)`). */
  verify?(email: string): Promise<Result<boolean, OAuthError>>;
  /** Sets the password upstream: true when it did, false when the script said it did not. */
  changePassword?(email: string, newPassword: string): Promise<Result<boolean, OAuthError>>;
  /** Deletes the user upstream, by the id without its `auth0|` prefix. */
  delete?(id: string): Promise<Result<void, OAuthError>>;
}
