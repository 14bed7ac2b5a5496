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

/**
 * A database connection whose users live elsewhere (Auth0's custom database: `login`, `get_user`…
 * scripts). Expected failures are results: wrong credentials `invalid_user_password`, a blocked
 * user `unauthorized`, the upstream system unreachable `temporarily_unavailable`.
 *
 * @example
 * const legacy: CustomDatabase = { login: async (email, password) => ok(await checkLegacy(email, password)), getUser: async () => ok(null) };
 */
export interface CustomDatabase {
  /** The user when the password is right; `invalid_user_password` when not. */
  login(email: string, password: string): Promise<Result<CustomDatabaseProfile, OAuthError>>;
  /** The user, or null when the upstream system does not know the email. */
  getUser(email: string): Promise<Result<CustomDatabaseProfile | null, OAuthError>>;
}
