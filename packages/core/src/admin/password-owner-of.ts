import type { PasswordOwner } from '../strategies/database/check-new-password.js';
import type { UserRecord } from '../ports/user-store.js';

/**
 * What a new password of a stored user is compared with (`password_no_personal_info`, `password_history`).
 *
 * @example await checkNewPassword(deps, connection, password, passwordOwnerOf(user));
 */
export function passwordOwnerOf(user: UserRecord): PasswordOwner {
  const p = user.profile;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const name = text(p.name);
  const nickname = text(p.nickname);
  return {
    user_id: user.user_id,
    ...(user.email === undefined ? {} : { email: user.email }),
    ...(user.username === undefined ? {} : { username: user.username }),
    ...(name === undefined ? {} : { name }),
    ...(nickname === undefined ? {} : { nickname }),
    ...(p.user_metadata === undefined ? {} : { user_metadata: p.user_metadata }),
    ...(user.password_hash === undefined ? {} : { password_hash: user.password_hash }),
  };
}
