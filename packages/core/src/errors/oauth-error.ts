import type { PasswordStrengthReport } from '../strategies/database/password-rules.js';
import { ERROR_TABLE, type OAuthErrorCode } from './error-table.js';

/**
 * The one error value of oauth-ro: a code from the table plus an optional description that
 * replaces the table's default (e.g. `missing username parameter`).
 */
export interface OAuthError {
  readonly code: OAuthErrorCode;
  readonly description?: string;
  /** Seconds, sent as `Retry-After` (429, 503). */
  readonly retryAfter?: number;
  /**
   * Set on `invalid_user_password` when no such user exists, for the audit event only (`fu` rather
   * than `fp`); the wire answer and the work done stay the same.
   */
  readonly unknownUser?: true;
  /** `invalid_password` from a connection's policy: the rules checked, for Auth0's `PasswordStrengthError` body. */
  readonly strength?: PasswordStrengthReport;
  /**
   * Fields the wire body carries besides `error` and `error_description`, for the few answers whose
   * contract has more (MFA: `mfa_settings` of `a0.mfa_registration_required`, `mfa_token` of
   * `mfa_required`). Never built from a request.
   */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/**
 * @example
 * oauthError('missing_parameter', 'missing username parameter');
 */
export function oauthError(code: OAuthErrorCode, description?: string, retryAfter?: number): OAuthError {
  return { code, ...(description === undefined ? {} : { description }), ...(retryAfter === undefined ? {} : { retryAfter }) };
}

/** The wire body and status of an error, per the contract's table.
 *
 * @example
 * errorWire(oauthError('connection_not_found'));
 * // { status: 400, body: { error: 'invalid_request', error_description: 'the connection was not found' } }
 */
export function errorWire(error: OAuthError): {
  status: number;
  body: { error: string; error_description: string };
} {
  const shape = ERROR_TABLE[error.code];
  return { status: shape.status, body: { error: shape.error, error_description: error.description ?? shape.description, ...error.extra } };
}

/**
 * Thrown only for programmer and configuration mistakes (never for a bad request).
 *
 * @example
 * throw new ConfigurationError('clients[0].client_secret', 'is required for HS256');
 */
export class ConfigurationError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'ConfigurationError';
  }
}
