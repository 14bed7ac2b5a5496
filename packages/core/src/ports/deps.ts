import type { AuditSink } from './audit-sink.js';
import type { Clock } from './clock.js';
import type { CodeStore } from './code-store.js';
import type { CounterStore } from './counter-store.js';
import type { CustomDatabase } from './custom-database.js';
import type { DeviceCredentialStore } from './device-credential-store.js';
import type { Directory } from './directory.js';
import type { KeyStore } from './key-store.js';
import type { Logger } from './logger.js';
import type { LoginHooks } from './login-hooks.js';
import type { MessageSender } from './message-sender.js';
import type { PasswordHasher } from './password-hasher.js';
import type { Random } from './random.js';
import type { ReadinessChecks } from './readiness-check.js';
import type { RefreshTokenStore } from './refresh-token-store.js';
import type { UsedAssertionStore } from './used-assertion-store.js';
import type { UserStore } from './user-store.js';
import type { PasswordHistoryStore } from './password-history-store.js';
import type { TicketStore } from './ticket-store.js';
import type { MfaEnrollmentStore } from './mfa-enrollment-store.js';

/**
 * Every outside dependency of core, passed in once. Core never imports an implementation.
 *
 * @example
 * const deps: CoreDeps = { users, keys, hasher, clock: systemClock, random: webCryptoRandom };
 */
export interface CoreDeps {
  readonly users: UserStore;
  readonly keys: KeyStore;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger?: Logger;
  /** Audit events with Auth0's log event types (logins, sign-ups, blocks, admin actions). Without it none are emitted. */
  readonly audit?: AuditSink;
  /** Directory strategies by strategy name (`ad`, `waad`, `adfs`). */
  readonly directories?: Readonly<Record<string, Directory>>;
  /** Refresh tokens (by hash). Without it no refresh token is issued and none is accepted. */
  readonly refreshTokens?: RefreshTokenStore;
  /** Touch ID device keys. Without it `/api/v2/device-credentials` and the jwt-bearer grant are off. */
  readonly deviceCredentials?: DeviceCredentialStore;
  /** Replay protection for Touch ID assertions; required with `deviceCredentials`. */
  readonly usedAssertions?: UsedAssertionStore;
  /** Passwordless codes (`sms`, `email`). Without it those connections answer 503. */
  readonly codes?: CodeStore;
  /** Throttling counters (passwordless sends per recipient and per IP). Without it nothing is throttled. */
  readonly counters?: CounterStore;
  /** Passwordless message senders by strategy (`sms`, `email`). */
  readonly senders?: Readonly<Partial<Record<'sms' | 'email', MessageSender>>>;
  /** Post-login and pre-sign-up steps (Auth0 Rules and Actions). Without it logins are not extended. */
  readonly hooks?: LoginHooks;
  /**
   * Custom databases by connection name (`enabledDatabaseCustomization`): logins of these `auth0`
   * connections ask the custom database; with the connection's `import_mode` the user is then stored
   * locally and never asked for again (lazy migration).
   */
  readonly customDatabases?: Readonly<Record<string, CustomDatabase>>;
  /** Password reset and email verification tickets. Without it those flows answer 503. */
  readonly tickets?: TicketStore;
  /** Earlier password hashes, for `password_history`. Without it only the current password is compared. */
  readonly passwordHistory?: PasswordHistoryStore;
  /**
   * MFA (TOTP) enrolments. Without it a connection with `options.mfa.active` refuses to start, and
   * no login asks for a code. Replay markers of accepted codes go to `usedAssertions`.
   */
  readonly mfaEnrollments?: MfaEnrollmentStore;
  /** Named readiness checks behind `GET /health/ready` (the stores' `ping`). Without it readiness equals liveness. */
  readonly readiness?: ReadinessChecks;
}
