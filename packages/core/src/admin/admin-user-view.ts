import type { UserRecord } from '../ports/user-store.js';
import { fullProfile } from '../tokens/profile-claims.js';

/**
 * A user as Auth0's Management API v2 shows it (`GET /api/v2/users/{id}`): the full profile
 * (`user_id`, `email`, `identities`, `created_at`, …) plus `blocked`. Never the password hash.
 *
 * @example adminUserView(user); // { user_id: 'auth0|…', email: 'a@example.com', blocked: false, identities: [...], … }
 */
export function adminUserView(user: UserRecord): Record<string, unknown> {
  return { ...fullProfile(user), blocked: user.blocked };
}
