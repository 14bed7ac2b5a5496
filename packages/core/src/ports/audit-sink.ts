/**
 * Auth0's log event type codes that oauth-ro emits (Auth0 "Log Event Type Codes"), so existing log
 * pipelines, dashboards and alerts keep working: `s` success login, `f` failed login, `fp` wrong
 * password, `fu` unknown user, `limit_wc` account blocked after consecutive failures, `limit_mu`
 * IP blocked after failures across users, `ss`/`fs` sign-up, `cs`/`cls` passwordless code sent,
 * `fn` notification failed, `sertft`/`fertft` refresh token exchange, `srrt` refresh token revoked,
 * `sd`/`fd` delegation, `fc` failed by a directory (AD/LDAP, Entra ID, ADFS unreachable),
 * `api_limit` a rate limit reached (passwordless sends), `sapi`/`fapi` administration (Management
 * API) operations, `ublkdu` a brute-force block released. Checked against Auth0's "Log Event Type
 * Codes" table.
 */
export type AuditEventType =
  | 's'
  | 'f'
  | 'fp'
  | 'fu'
  | 'fc'
  | 'limit_wc'
  | 'limit_mu'
  | 'api_limit'
  | 'ss'
  | 'fs'
  | 'cs'
  | 'cls'
  | 'fn'
  | 'sertft'
  | 'fertft'
  | 'srrt'
  | 'sd'
  | 'fd'
  | 'sapi'
  | 'fapi'
  | 'ublkdu'
  /** Account flows: `scpr`/`fcpr` change-password request, `scp`/`fcp` change password, `svr`/`fvr` verification email sent, `sv`/`fv` email verified. */
  | 'scpr'
  | 'fcpr'
  | 'scp'
  | 'fcp'
  | 'svr'
  | 'fvr'
  | 'sv'
  | 'fv'
  /** Social token exchange: `seccft`/`feccft`. */
  | 'seccft'
  | 'feccft'
  /**
   * MFA (Auth0 Guardian): `gd_auth_succeed`/`gd_auth_failed` a one-time code, `gd_recovery_succeed`/
   * `gd_recovery_failed` a recovery code, `gd_otp_rate_limit_exceed` too many wrong codes,
   * `gd_start_enroll`/`gd_enrollment_complete` enrolment, `gd_unenroll` an enrolment deleted.
   */
  | 'gd_auth_succeed'
  | 'gd_auth_failed'
  | 'gd_recovery_succeed'
  | 'gd_recovery_failed'
  | 'gd_otp_rate_limit_exceed'
  | 'gd_start_enroll'
  | 'gd_enrollment_complete'
  | 'gd_unenroll';

/**
 * One audit event, shaped like an Auth0 log entry. Built only from the named fields below, never
 * from a request body, so no password, code, secret or token can ride along.
 */
export interface AuditEvent {
  readonly type: AuditEventType;
  /** ISO-8601. */
  readonly date: string;
  /** Human-readable, like Auth0's `description` (e.g. the error description). */
  readonly description?: string;
  readonly client_id?: string;
  readonly connection?: string;
  readonly strategy?: string;
  readonly ip?: string;
  readonly user_agent?: string;
  readonly user_id?: string;
  /** The identifier a login or sign-up named (email, username, phone number), normalised. */
  readonly user_name?: string;
  /** Non-secret specifics: error code, route, admin action, counts. */
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Where audit events go. The standalone server writes them through pino; embedders pass their own
 * (a SIEM forwarder, a database table). `emit` must not throw and must not block the request.
 *
 * @example
 * const audit: AuditSink = { emit: (event) => logger.info({ audit: event }, event.type) };
 */
export interface AuditSink {
  emit(event: AuditEvent): void;
}
