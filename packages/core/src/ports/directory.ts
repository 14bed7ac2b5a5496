import type { OAuthError } from '../errors/oauth-error.js';
import type { ConnectionConfig } from '../config/types.js';
import type { Result } from '../util/result.js';
import type { UserProfile } from './user-store.js';

/** What a directory says about a user whose credentials it accepted. */
export interface DirectoryIdentity {
  /**
   * The directory's stable id for the user (objectGUID, entryUUID, oid, …). Core builds the
   * subject from it: `{strategy}|{connection}|{id}` for `ad`, `{strategy}|{id}` otherwise.
   */
  readonly id: string;
  readonly email?: string;
  readonly username?: string;
  readonly profile: UserProfile;
}

/** The credentials a password grant carries to a directory. */
export interface DirectoryLogin {
  readonly connection: ConnectionConfig;
  readonly username: string;
  readonly password: string;
  /** Client IP, for directories that take it into account. */
  readonly ip: string;
}

/**
 * A connection strategy that checks passwords against an outside directory (`ad`, `waad`, `adfs`).
 * Implementations live in their own packages (they need Node); the server passes them to core in
 * `deps.directories`, keyed by strategy name. Expected failures are values:
 * `invalid_user_password`, `unauthorized` (disabled, locked, expired, must change password),
 * `temporarily_unavailable` (unreachable, with a description that names the connection).
 * When the directory itself says the user does not exist (no entry matched, AADSTS50034), the
 * `invalid_user_password` carries `unknownUser: true`: the audit event is then `fu` rather than
 * `fp`, while the answer on the wire, and the time it takes, stay those of a wrong password.
 *
 * @example
 * const ad: Directory = createLdapDirectory();
 * createOAuthRo({ config, deps: { ...deps, directories: { ad } } });
 */
export interface Directory {
  authenticate(login: DirectoryLogin): Promise<Result<DirectoryIdentity, OAuthError>>;
  /**
   * Checks one connection's `options` (`path` is `connections[i]`); throws core's
   * `ConfigurationError` naming `path.options.<option>`. `createOAuthRo` calls it for every
   * connection of the directory's strategy, once, so a bad option stops start-up in any host.
   */
  validate?(connection: ConnectionConfig, path: string): void;
  /** Releases pooled connections; called on shutdown. */
  close?(): Promise<void>;
}
