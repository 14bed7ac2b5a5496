import type { ConnectionConfig } from '../../config/types.js';
import { oauthError, type OAuthError } from '../../errors/oauth-error.js';
import type { CoreDeps } from '../../ports/deps.js';
import type { UserRecord } from '../../ports/user-store.js';
import { err, ok, type Result } from '../../util/result.js';
import { customDatabaseRecord } from './custom-database-record.js';
import type { CustomConnection } from './custom-database-of.js';

/** A sign-up already validated (identifiers normalised, password policy checked). */
export interface CustomSignup {
  readonly email: string;
  readonly password: string;
  readonly username?: string;
  readonly user_metadata?: Readonly<Record<string, unknown>>;
  readonly app_metadata?: Readonly<Record<string, unknown>>;
  readonly client_id?: string;
}

/**
 * The custom-database half of a sign-up, in Auth0's order (docs/spec.md §5.7). Every custom database
 * is asked `get_user` first: a user it knows is `user_exists`. With `import_mode` that is all (the
 * caller then creates the user locally, as Auth0 added new users to its own store; a user already
 * migrated is refused locally without asking upstream). Without it, the `create` script creates the
 * user upstream and the `login` script returns the profile, which is kept locally as a cache (no
 * password hash: every login still goes through the script). Answers `undefined` when the caller
 * should go on with a local sign-up.
 *
 * @example
 * const upstream = await signupCustomDatabaseUser(deps, custom, connection, { email, password, client_id });
 * if (upstream) return upstream; // created upstream (or refused)
 */
export async function signupCustomDatabaseUser(
  deps: Pick<CoreDeps, 'users' | 'clock'>,
  { custom, importMode }: CustomConnection,
  connection: ConnectionConfig,
  input: CustomSignup,
): Promise<Result<UserRecord, OAuthError> | undefined> {
  if (importMode && (await deps.users.find(connection.name, { email: input.email }))) return err(oauthError('user_exists'));
  const known = await custom.getUser(input.email);
  if (!known.ok) return known;
  if (known.value) return err(oauthError('user_exists'));
  if (importMode) return undefined;
  if (!custom.create) return err(oauthError('unsupported_operation', `the ${connection.name} connection has no create script`));
  const created = await custom.create({
    email: input.email,
    password: input.password,
    client_id: input.client_id ?? '',
    connection: connection.name,
    ...(input.username === undefined ? {} : { username: input.username }),
    ...(input.user_metadata === undefined ? {} : { user_metadata: input.user_metadata }),
    ...(input.app_metadata === undefined ? {} : { app_metadata: input.app_metadata }),
  });
  if (!created.ok) return created;
  // Auth0 ran the login script after create, to check the user was created and learn its profile.
  const profile = await custom.login(input.email, input.password);
  if (!profile.ok) {
    return err(profile.error.code === 'temporarily_unavailable' ? profile.error : oauthError('temporarily_unavailable', `the ${connection.name} login script did not return the user just created`));
  }
  const now = new Date(deps.clock.now()).toISOString();
  const record = customDatabaseRecord(connection, { email_verified: false, ...profile.value }, input.email, now);
  if (!record.ok) return record;
  const withMetadata: UserRecord = {
    ...record.value,
    profile: {
      ...(input.user_metadata === undefined ? {} : { user_metadata: input.user_metadata }),
      ...(input.app_metadata === undefined ? {} : { app_metadata: input.app_metadata }),
      ...record.value.profile,
    },
  };
  return ok(await deps.users.upsert(withMetadata));
}
