/**
 * What a ticket is for: a password reset link, an email verification link, or an MFA enrolment
 * link (`POST /api/v2/guardian/enrollments/ticket`).
 */
export type TicketKind = 'reset' | 'verify' | 'mfa_enroll';

/**
 * A single-use ticket (password reset, email verification) as the stores keep it: never the ticket,
 * only its SHA-256, so a leaked table opens no account.
 */
export interface TicketRecord {
  /** Lower-case hex SHA-256 of the ticket's text. */
  readonly ticket_hash: string;
  readonly kind: TicketKind;
  readonly user_id: string;
  /** Client the ticket was requested for (templates, `resultUrl`), if any. */
  readonly client_id?: string;
  /** Where the page sends the user afterwards (Auth0's `result_url` / template `resultUrl`). */
  readonly result_url?: string;
  /**
   * Legacy `change_password` with `password`: the hash of the password the link confirms (the
   * page then asks no new password).
   */
  readonly password_hash?: string;
  /** Epoch milliseconds. */
  readonly created_at: number;
  /** Epoch milliseconds; at and after it the ticket is dead. */
  readonly expires_at: number;
}

/**
 * Storage of reset and verification tickets. `redeem` is atomic, also across instances sharing the
 * store: twenty racing redemptions of one ticket give one record and nineteen `undefined`.
 *
 * @example
 * await deps.tickets.issue({ ticket_hash, kind: 'reset', user_id, created_at: now, expires_at: now + 432_000_000 });
 * const ticket = await deps.tickets.redeem('reset', ticket_hash, Date.now()); // once; then undefined
 */
export interface TicketStore {
  issue(record: TicketRecord): Promise<void>;
  /** The live ticket (`expires_at > at`) of that kind and hash, without using it (to show a page). */
  peek(kind: TicketKind, ticket_hash: string, at: number): Promise<TicketRecord | undefined>;
  /** Deletes and returns the live ticket of that kind and hash; undefined if none (never, spent, expired). */
  redeem(kind: TicketKind, ticket_hash: string, at: number): Promise<TicketRecord | undefined>;
  /** Deletes tickets that expired before `before`; returns how many. */
  prune(before: number): Promise<number>;
}
