import type { ConnectionConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import type { UserLookup, UserRecord } from '../ports/user-store.js';
import { err, ok, type Result } from '../util/result.js';
import { passwordlessUserId } from './hash-code.js';
import { normalizeRecipient } from './normalize-recipient.js';
import type { PasswordlessContext } from './prepare-passwordless.js';
import { verifyCode, wrongCode } from './verify-code.js';

/**
 * How a passwordless user is looked up: by phone number (`sms`) or address (`email`).
 *
 * @example recipientLookup('sms', '+15550100000'); // { phone_number: '+15550100000' }
 */
export function recipientLookup(strategy: 'sms' | 'email', recipient: string): UserLookup {
  return strategy === 'sms' ? { phone_number: recipient } : { email: recipient };
}

const verifiedFlag = (strategy: 'sms' | 'email') => (strategy === 'sms' ? 'phone_verified' : 'email_verified');

/**
 * The user of the recipient, created on the first login and marked verified (the code or link proved
 * it); blocked users are refused. A connection with `disable_signup` creates nobody (`signup_disabled`).
 *
 * @example const user = await passwordlessUser(deps, codeKey, connection, 'email', 'ann@example.com');
 */
export async function passwordlessUser(
  deps: Pick<CoreDeps, 'users' | 'clock'>,
  codeKey: CryptoKey,
  connection: ConnectionConfig,
  strategy: 'sms' | 'email',
  recipient: string,
): Promise<Result<UserRecord, OAuthError>> {
  const user = await findOrCreate(deps, codeKey, connection, strategy, recipient);
  if (!user) return err(oauthError('signup_disabled'));
  if (user.blocked) return err(oauthError('unauthorized', 'user is blocked'));
  return ok(user);
}

async function findOrCreate(
  deps: Pick<CoreDeps, 'users' | 'clock'>,
  codeKey: CryptoKey,
  connection: ConnectionConfig,
  strategy: 'sms' | 'email',
  recipient: string,
): Promise<UserRecord | undefined> {
  const lookup = recipientLookup(strategy, recipient);
  const flag = verifiedFlag(strategy);
  const now = new Date(deps.clock.now()).toISOString();
  const existing = await deps.users.find(connection.name, lookup);
  if (existing) {
    if (existing.profile[flag] === true) return existing;
    return (await deps.users.update(existing.user_id, { profile: { ...existing.profile, [flag]: true } }, now)) ?? existing;
  }
  if (connection.options.disable_signup === true) return undefined;
  const user: UserRecord = {
    user_id: `${strategy}|${await passwordlessUserId(codeKey, connection.name, recipient)}`,
    connection: connection.name,
    strategy,
    ...lookup,
    blocked: false,
    profile: { [flag]: true },
    created_at: now,
    updated_at: now,
  };
  const created = await deps.users.create(user);
  if (created.created) return user;
  // Taken meanwhile (another login of the same recipient won the insert): that user is the one.
  const winner = await deps.users.find(connection.name, lookup);
  if (!winner) throw new Error(`passwordless user of connection ${connection.name} could be neither created nor found`);
  return winner;
}

/**
 * The password grant of an `sms` or `email` connection: `username` is the phone number or address,
 * `password` the code. A good code logs in the user of that recipient, creating `sms|…`/`email|…`
 * with `phone_verified`/`email_verified` on the first login (not with `disable_signup`); a blocked
 * user is refused after the code was spent. Every code failure is 401 `invalid_user_password` with Auth0's wording.
 *
 * @example await loginPasswordlessUser(deps, ctx.passwordless, connection, '+15550100000', '042917');
 */
export async function loginPasswordlessUser(
  deps: Pick<CoreDeps, 'users' | 'clock' | 'codes'>,
  passwordless: PasswordlessContext | undefined,
  connection: ConnectionConfig,
  username: string,
  password: string,
): Promise<Result<UserRecord, OAuthError>> {
  const strategy = connection.strategy;
  if (strategy !== 'sms' && strategy !== 'email') return err(oauthError('unsupported_operation'));
  if (!passwordless || !deps.codes) {
    return err(oauthError('temporarily_unavailable', `the ${strategy} strategy of connection ${connection.name} is not installed`));
  }
  const recipient = normalizeRecipient(strategy, username);
  if (recipient === undefined) return err(wrongCode(strategy));
  const checked = await verifyCode(deps.codes, passwordless.codeKey, strategy, connection.name, recipient, password, deps.clock.now());
  if (!checked.ok) return checked;
  return passwordlessUser(deps, passwordless.codeKey, connection, strategy, recipient);
}
