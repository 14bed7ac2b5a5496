/**
 * A refresh token as the stores keep it. The token itself is never stored, only its SHA-256; the
 * record binds it to one user, one client and one device. Every token descended from one login by
 * rotation shares a `family_id`, which is also the id a user sees in the device-credential list.
 */
export interface RefreshTokenRecord {
  /** Random id of this token (not the token). */
  readonly id: string;
  /** Lower-case hex SHA-256 of the token's UTF-8 text. */
  readonly token_hash: string;
  readonly family_id: string;
  readonly user_id: string;
  readonly client_id: string;
  /** The `device` parameter the token was issued for. */
  readonly device: string;
  /** Space-separated scope granted at login. */
  readonly scope: string;
  /**
   * The identifier of the API (`resource_servers`) the login asked for with `audience`; a refresh
   * mints the access token for it again. Absent: the userinfo audience.
   */
  readonly audience?: string;
  /** True when the client rotates its refresh tokens: each use returns a successor. */
  readonly rotating: boolean;
  /** Epoch milliseconds, like every time below. */
  readonly created_at: number;
  /** Absolute expiry of the whole family; undefined for tokens that never expire. */
  readonly expires_at?: number;
  /**
   * Idle deadline of this token: unused until then, it dies. Set at issue and moved by each
   * accepted use (a successor gets its own); undefined for no idle limit.
   */
  readonly idle_expires_at?: number;
  readonly last_used_at?: number;
  /** Set once the token was exchanged for a successor; using it again is reuse. */
  readonly rotated_at?: number;
  readonly revoked_at?: number;
}

/** What core passes to store a successor; everything else is copied from the token presented. */
export interface RefreshTokenSuccessor {
  readonly id: string;
  readonly token_hash: string;
  readonly created_at: number;
}

/** Rotation asked of {@link RefreshTokenStore.use}. */
export interface RefreshTokenRotation {
  readonly successor: RefreshTokenSuccessor;
  /** A token rotated at most this long ago may be rotated again (racing refreshes of one app). */
  readonly leeway_ms: number;
}

/** The outcome of presenting a refresh token. */
export type RefreshTokenUse =
  /** Accepted without rotation; the token stays valid. */
  | { readonly outcome: 'active'; readonly record: RefreshTokenRecord }
  /** Accepted; `successor` (same family, user, client, device, scope, audience, expiry; fresh idle deadline) was stored. */
  | { readonly outcome: 'rotated'; readonly record: RefreshTokenRecord; readonly successor: RefreshTokenRecord }
  /** An already rotated token came back after the leeway: its whole family is now revoked. */
  | { readonly outcome: 'reused'; readonly record: RefreshTokenRecord }
  /** Unknown, revoked, expired, or issued to another client. */
  | { readonly outcome: 'invalid' };

/**
 * Storage of refresh tokens (by hash). `use` is the one atomic step of a refresh: check, rotate
 * or detect reuse, in one transaction, so two instances racing on one token agree.
 *
 * @example
 * const used = await deps.refreshTokens.use(hash, 'mobile-app', Date.now());
 * if (used.outcome === 'active') console.log(used.record.user_id);
 */
export interface RefreshTokenStore {
  create(record: RefreshTokenRecord): Promise<void>;
  findByHash(token_hash: string): Promise<RefreshTokenRecord | undefined>;
  /**
   * Presents a token for `client_id` at time `at`. Unknown, revoked, expired (`expires_at <= at`)
   * or another client's token: `invalid`. Not yet rotated: idle-expired (`idle_expires_at <= at`)
   * is `invalid`; otherwise with `rotation`, marks it rotated and stores the successor (`rotated`);
   * without, records the use (`active`). Already rotated (its idle deadline no longer matters, so
   * a stolen old token still reveals reuse): within `rotation.leeway_ms` of `rotated_at`, stores
   * another successor (`rotated`); otherwise (or without `rotation`) revokes every token of the
   * family (`reused`). An accepted use sets `idle_expires_at` (absent: none) on the token when it
   * stays valid (`active`), or on the successor (`rotated`; the rotated token keeps its own).
   */
  use(
    token_hash: string,
    client_id: string,
    at: number,
    rotation?: RefreshTokenRotation,
    idle_expires_at?: number,
  ): Promise<RefreshTokenUse>;
  /** Revokes every unrevoked token of the family at `at`; returns how many. */
  revokeFamily(family_id: string, at: number): Promise<number>;
  /** The user's tokens that are neither revoked nor rotated (expired ones included), oldest first. */
  listByUser(user_id: string): Promise<RefreshTokenRecord[]>;
  /**
   * Deletes tokens that expired or were revoked before `before`, and whole families whose every
   * token has an idle deadline before `before` (none can be used; rotated members are kept until
   * then for reuse detection); returns how many.
   */
  prune(before: number): Promise<number>;
}
