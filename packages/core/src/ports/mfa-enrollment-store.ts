/**
 * A user's enrolment in one-time-password MFA (Auth0 Guardian's `authenticator` / legacy Google
 * Authenticator factor) as the stores keep it. The TOTP secret is stored only sealed with the
 * key-encryption key (core seals and opens it; a store never sees it in clear); the recovery code
 * only as its SHA-256.
 */
export interface MfaEnrollmentRecord {
  /** Random id, Auth0's shape: `totp|dev_…`. The id `DELETE /api/v2/guardian/enrollments/{id}` takes. */
  readonly id: string;
  readonly user_id: string;
  /** Only `authenticator` (RFC 6238 TOTP, SHA-1, 6 digits, 30 s) is supported. */
  readonly type: 'authenticator';
  /**
   * `pending` until the first code is confirmed (ticket page, CLI, or the first login with
   * `return_enroll_settings`); only `confirmed` enrolments are asked for at login.
   */
  readonly status: 'pending' | 'confirmed';
  /** The base32 TOTP secret, sealed by core (opaque to the store). */
  readonly sealed_secret: string;
  /** Lower-case hex SHA-256 of the current recovery code; undefined when none was issued. */
  readonly recovery_code_hash?: string;
  /** A human name for the device, when the enrolling app gave one. */
  readonly name?: string;
  /** Epoch milliseconds, like every time below. */
  readonly created_at: number;
  readonly confirmed_at?: number;
  readonly last_auth_at?: number;
}

/**
 * Storage of MFA enrolments: at most one `confirmed` and at most one `pending` enrolment per user
 * (enrolling again replaces the pending one). Every write is atomic, also across instances sharing
 * the store. Replay of a TOTP code within its step is not this store's job: core marks
 * `mfa:<enrolment id>:<step>` in the {@link UsedAssertionStore}.
 *
 * @example
 * await deps.mfaEnrollments.put({ id, user_id, type: 'authenticator', status: 'pending', sealed_secret, created_at: now });
 * await deps.mfaEnrollments.confirm(id, now, recovery_code_hash);
 * const active = (await deps.mfaEnrollments.listByUser(user_id)).find((e) => e.status === 'confirmed');
 */
export interface MfaEnrollmentStore {
  /**
   * Stores a `pending` enrolment, replacing the user's earlier pending one (never a confirmed one).
   */
  put(record: MfaEnrollmentRecord): Promise<void>;
  /** Every enrolment of the user (pending and confirmed), oldest first. */
  listByUser(user_id: string): Promise<readonly MfaEnrollmentRecord[]>;
  get(id: string): Promise<MfaEnrollmentRecord | undefined>;
  /**
   * Atomically turns the pending enrolment `id` into the user's confirmed one, replacing (deleting)
   * any earlier confirmed enrolment of that user, and sets its recovery-code hash. False, and
   * nothing changes, when `id` is not pending (unknown, already confirmed, deleted).
   */
  confirm(id: string, at: number, recovery_code_hash: string): Promise<boolean>;
  /** Records a successful MFA at `at` (`last_auth_at`). */
  touch(id: string, at: number): Promise<void>;
  /**
   * Atomically replaces the recovery-code hash, but only if it still equals `expected_hash`
   * (a recovery code is single-use: two racing uses of one code give one `true`). With
   * `expected_hash` undefined it replaces unconditionally (regeneration by an administrator).
   */
  swapRecoveryCode(id: string, expected_hash: string | undefined, new_hash: string): Promise<boolean>;
  /** Deletes one enrolment; true when it existed. */
  delete(id: string): Promise<boolean>;
  /** Deletes every enrolment of the user (`users mfa reset`, user deletion); returns how many. */
  deleteByUser(user_id: string): Promise<number>;
  /** Deletes pending enrolments created before `before` (abandoned tickets); returns how many. */
  prunePending(before: number): Promise<number>;
}
