import type { LegacyHashes } from './password-hasher.js';

/**
 * A user as the stores keep it. `user_id` is the full subject (`auth0|5f8a…`, `sms|…`, `ad|corp|…`);
 * `email`, `username` and `phone_number` are kept normalised (lower-cased, E.164) and are unique per
 * connection. Everything shown to clients that is not a login key lives in `profile`.
 */
export interface UserRecord {
  readonly user_id: string;
  readonly connection: string;
  readonly strategy: string;
  readonly email?: string;
  readonly username?: string;
  readonly phone_number?: string;
  /** PHC string (`$argon2id$…`); only for database users. */
  readonly password_hash?: string;
  readonly blocked: boolean;
  readonly profile: UserProfile;
  /** ISO-8601. */
  readonly created_at: string;
  readonly updated_at: string;
}

/** Profile attributes, Auth0's normalised user profile minus the login keys. */
export interface UserProfile {
  readonly email_verified?: boolean;
  readonly phone_verified?: boolean;
  readonly name?: string;
  readonly nickname?: string;
  readonly picture?: string;
  readonly given_name?: string;
  readonly family_name?: string;
  readonly user_metadata?: Readonly<Record<string, unknown>>;
  readonly app_metadata?: Readonly<Record<string, unknown>>;
  readonly [attribute: string]: unknown;
}

/** Which login key to look a user up by. */
export type UserLookup =
  | { readonly email: string }
  | { readonly username: string }
  | { readonly phone_number: string };

/** Fields a store may change on an existing user. */
export interface UserPatch {
  readonly password_hash?: string;
  readonly blocked?: boolean;
  readonly profile?: UserProfile;
  readonly email?: string;
  readonly username?: string;
  readonly phone_number?: string;
}

/** A page request of {@link UserStore.list}. */
export interface UserListOptions {
  /** Only users of this connection; every connection when absent. */
  readonly connection?: string;
  /** At most this many users (a positive integer). */
  readonly limit: number;
  /** Only users whose `user_id` sorts after this one: the last `user_id` of the previous page. */
  readonly after?: string;
}

/**
 * Storage of users. Implementations: `@oauth-ro/store-memory`, `@oauth-ro/store-sqlite`.
 *
 * @example
 * const user = await deps.users.find('Username-Password-Authentication', { email: 'a@example.com' });
 */
export interface UserStore {
  /** The user of `connection` whose normalised login key equals the lookup, if any. */
  find(connection: string, lookup: UserLookup): Promise<UserRecord | undefined>;
  findById(user_id: string): Promise<UserRecord | undefined>;
  /**
   * Inserts the user atomically. Returns `exists` (and writes nothing) if the id, or the email,
   * username or phone number within the connection, is taken.
   */
  create(user: UserRecord): Promise<{ created: true } | { created: false; reason: 'exists' }>;
  /**
   * Optional, for imports: {@link UserStore.create} for each user, all in one transaction, so a large
   * import pays one commit per batch rather than one per user. Answers one outcome per user, in
   * order; a user that `create` would refuse is refused alone and the others still land.
   *
   * @example const outcomes = await deps.users.createMany?.(batch); // [{ created: true }, { created: false, reason: 'exists' }]
   */
  createMany?(users: readonly UserRecord[]): Promise<Array<{ created: true } | { created: false; reason: 'exists' }>>;
  /** Applies the patch and bumps `updated_at`; returns the updated user, or undefined if gone. */
  update(user_id: string, patch: UserPatch, updated_at: string): Promise<UserRecord | undefined>;
  /**
   * Creates the user or, if `user_id` exists, replaces its profile and login keys (directory and
   * passwordless users, whose source of truth is elsewhere). Returns the stored record.
   */
  upsert(user: UserRecord): Promise<UserRecord>;
  delete(user_id: string): Promise<boolean>;
  /**
   * One page of users in ascending `user_id` order (byte order of the UTF-8 text, the same in every
   * store), for administration. Keyset pagination: pass the last `user_id` of a page as `after` to
   * get the next; a page shorter than `limit` is the last.
   *
   * @example
   * const page = await deps.users.list({ connection: 'Username-Password-Authentication', limit: 100 });
   * const last = page.at(-1);
   * const next = last ? await deps.users.list({ limit: 100, after: last.user_id }) : [];
   */
  list(options: UserListOptions): Promise<UserRecord[]>;
  /**
   * The legacy password hashes `connection` still holds (bcrypt: `$2a$`, `$2b$`, `$2y$`), from an
   * index, never a scan: asked on every database login, so that every password check of a connection
   * holding any does the work of each kind (see `PasswordHasher.verifyUniform`). Stores that cannot
   * hold imported hashes may leave it out.
   *
   * @example await deps.users.legacyHashes?.('Username-Password-Authentication'); // { bcryptCost: 10 }
   */
  legacyHashes?(connection: string): Promise<LegacyHashes>;
}
