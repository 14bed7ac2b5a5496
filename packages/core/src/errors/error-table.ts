/**
 * Every failure the contract names, as a stable code. Each maps to exactly one HTTP status, `error`
 * string and default `error_description` in {@link ERROR_TABLE}; adapters never choose a status.
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'missing_parameter'
  | 'invalid_parameter'
  | 'invalid_body'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'header_too_large'
  | 'request_timeout'
  | 'not_found'
  | 'method_not_allowed'
  | 'unauthorized_client'
  | 'connection_not_found'
  | 'connection_disabled'
  | 'unsupported_operation'
  | 'unsupported_grant_type'
  | 'invalid_user_password'
  | 'invalid_passwordless_code'
  | 'unauthorized'
  | 'invalid_grant'
  | 'invalid_token'
  | 'too_many_attempts'
  | 'too_many_requests'
  | 'temporarily_unavailable'
  | 'access_denied'
  | 'invalid_refresh_token'
  | 'invalid_refresh_grant'
  | 'invalid_client'
  | 'invalid_scope'
  | 'device_credential_exists'
  | 'invalid_signup'
  | 'invalid_password'
  | 'bad_connection'
  | 'signup_disabled'
  | 'bad_client_id'
  | 'bad_phone_number'
  | 'bad_email'
  | 'bad_request'
  | 'sms_provider_error'
  | 'user_not_found'
  | 'user_exists'
  | 'username_exists'
  | 'password_dictionary_error'
  | 'password_no_user_info_error'
  | 'password_history_error'
  | 'invalid_ticket'
  | 'grant_not_allowed'
  | 'insufficient_scope'
  | 'wrong_password_grant'
  | 'wrong_otp_grant'
  | 'no_default_connection'
  | 'invalid_subject_token'
  | 'mfa_required'
  | 'mfa_registration_required'
  | 'mfa_invalid_code'
  | 'mfa_code_not_allowed'
  | 'mfa_provider_not_supported'
  | 'mfa_token_required'
  | 'invalid_otp_grant'
  | 'malformed_mfa_token'
  | 'expired_mfa_token'
  | 'mfa_enrollment_not_found'
  | 'callback_mismatch'
  | 'unsupported_response_type'
  | 'server_error';

/** What the wire shows for one code. */
export interface ErrorWireShape {
  readonly status: number;
  readonly error: string;
  readonly description: string;
}

/**
 * The one table from error code to HTTP status, `error` and default `error_description` (docs/spec.md §3).
 *
 * @example
 * ERROR_TABLE.connection_disabled.status; // 400
 */
export const ERROR_TABLE: Readonly<Record<OAuthErrorCode, ErrorWireShape>> = {
  invalid_request: { status: 400, error: 'invalid_request', description: 'invalid request' },
  missing_parameter: { status: 400, error: 'invalid_request', description: 'missing parameter' },
  invalid_parameter: { status: 400, error: 'invalid_request', description: 'invalid parameter' },
  invalid_body: { status: 400, error: 'invalid_request', description: 'the request body could not be parsed' },
  unsupported_media_type: {
    status: 415,
    error: 'invalid_request',
    description: 'the body must be application/json or application/x-www-form-urlencoded',
  },
  body_too_large: { status: 413, error: 'invalid_request', description: 'request body too large' },
  /** A request header oauth-ro reads (or, on the standalone server, the header block) is over its limit. */
  header_too_large: { status: 431, error: 'invalid_request', description: 'request header too large' },
  /** A request whose headers or body did not arrive within the server's timeouts (a slow client). */
  request_timeout: { status: 408, error: 'invalid_request', description: 'the request did not arrive in time' },
  not_found: { status: 404, error: 'not_found', description: 'not found' },
  method_not_allowed: { status: 405, error: 'invalid_request', description: 'method not allowed' },
  unauthorized_client: { status: 403, error: 'unauthorized_client', description: 'invalid client' },
  connection_not_found: { status: 400, error: 'invalid_request', description: 'the connection was not found' },
  connection_disabled: { status: 400, error: 'invalid_request', description: 'the connection was disabled' },
  unsupported_operation: {
    status: 400,
    error: 'invalid_request',
    description: 'specified strategy does not support requested operation',
  },
  unsupported_grant_type: {
    status: 400,
    error: 'unsupported_grant_type',
    description: 'grant type not supported',
  },
  invalid_user_password: { status: 401, error: 'invalid_user_password', description: 'Wrong email or password.' },
  invalid_passwordless_code: {
    status: 401,
    error: 'invalid_user_password',
    description: 'Wrong phone number or verification code.',
  },
  unauthorized: { status: 401, error: 'unauthorized', description: 'user is blocked' },
  invalid_grant: { status: 400, error: 'invalid_grant', description: 'invalid assertion' },
  invalid_token: { status: 401, error: 'invalid_token', description: 'invalid token' },
  too_many_attempts: {
    status: 429,
    error: 'too_many_attempts',
    description: 'Your account has been blocked after multiple consecutive login attempts.',
  },
  /** A rate limit (passwordless starts per IP or per recipient); not a block of the account. */
  too_many_requests: {
    status: 429,
    error: 'too_many_requests',
    description: 'Too many requests. Try again later.',
  },
  temporarily_unavailable: {
    status: 503,
    error: 'temporarily_unavailable',
    description: 'the service is temporarily unavailable',
  },
  access_denied: { status: 403, error: 'access_denied', description: 'access denied' },
  invalid_refresh_token: {
    status: 403,
    error: 'access_denied',
    description: 'Unknown or invalid refresh token',
  },
  /** `/oauth/token`'s word for the same thing, as OAuth 2 clients expect it. */
  invalid_refresh_grant: { status: 403, error: 'invalid_grant', description: 'Unknown or invalid refresh token.' },
  invalid_client: { status: 401, error: 'invalid_client', description: 'Client authentication failed.' },
  invalid_scope: { status: 400, error: 'invalid_scope', description: 'the requested scope was not granted' },
  device_credential_exists: {
    status: 409,
    error: 'conflict',
    description: 'a credential already exists for this user, client and device',
  },
  invalid_signup: { status: 400, error: 'invalid_signup', description: 'Invalid sign up' },
  invalid_password: { status: 400, error: 'invalid_password', description: 'Password is too weak' },
  bad_connection: { status: 400, error: 'bad.connection', description: 'the connection was not found' },
  signup_disabled: { status: 403, error: 'access_denied', description: 'Public signup is disabled' },
  bad_client_id: { status: 400, error: 'bad.client_id', description: 'Missing required property: client_id' },
  bad_phone_number: { status: 400, error: 'bad.phone_number', description: 'Invalid phone number' },
  bad_email: { status: 400, error: 'bad.email', description: 'Invalid email address' },
  bad_request: { status: 400, error: 'bad.request', description: 'bad request' },
  sms_provider_error: { status: 400, error: 'sms_provider_error', description: 'the message could not be sent' },
  /** Administration (`/api/v2/users/{id}`, `/api/v2/user-blocks/{id}`): Auth0's Management API wording. */
  user_not_found: { status: 404, error: 'not_found', description: 'The user does not exist.' },
  /**
   * Database connection errors in Auth0's own body shape (see `auth0-error-table.ts`). Every password
   * error is `code: invalid_password`, told apart by `name`: Lock keys its messages on exactly that
   * (`error.code === 'invalid_password' && invalidPasswordKeys[error.name]`).
   */
  user_exists: { status: 400, error: 'user_exists', description: 'The user already exists.' },
  username_exists: { status: 400, error: 'username_exists', description: 'The username provided is in use already.' },
  password_dictionary_error: { status: 400, error: 'invalid_password', description: 'Password is too common' },
  password_no_user_info_error: { status: 400, error: 'invalid_password', description: 'Password is based on user information' },
  password_history_error: { status: 400, error: 'invalid_password', description: 'Password has previously been used' },
  /** A reset or verification ticket that is unknown, spent or expired. */
  invalid_ticket: { status: 400, error: 'invalid_ticket', description: 'This ticket was already used or has expired.' },
  /** A valid token without a scope a protected route requires (RFC 6750 §3.1). */
  insufficient_scope: { status: 403, error: 'insufficient_scope', description: 'the token lacks a required scope' },
  /** The client's `grant_types` does not list the grant (Auth0's words; the description names it). */
  grant_not_allowed: { status: 403, error: 'unauthorized_client', description: 'Grant type not allowed for the client.' },
  /** `/oauth/token`'s answer to a wrong password or unknown user (password and password-realm grants). */
  wrong_password_grant: { status: 403, error: 'invalid_grant', description: 'Wrong email or password.' },
  /** `/oauth/token`'s answer to a wrong, expired or used one-time code (passwordless/otp grant). */
  wrong_otp_grant: { status: 403, error: 'invalid_grant', description: 'Wrong phone number or verification code.' },
  /**
   * `grant_type=password` without `tenant.default_directory` in the configuration: Auth0's words, but
   * a 400 where Auth0 sent a 500 (the contract never answers 5xx for something the caller can fix by
   * naming a realm).
   */
  no_default_connection: { status: 400, error: 'invalid_request', description: 'Authorization server not configured with default connection.' },
  /** A provider token that the provider refused, or whose app, audience, signature or expiry do not check out. */
  invalid_subject_token: { status: 403, error: 'invalid_grant', description: 'the provider token could not be verified' },
  /**
   * MFA at `/oauth/ro` (docs/spec.md §5.11), Auth0's legacy Google Authenticator answers that Auth0.swift 1.x
   * (`isMultifactorRequired`, `isMultifactorEnrollRequired`, `isMultifactorCodeInvalid`), Auth0.Android
   * and Lock key on: the `error` string, all 401.
   */
  mfa_required: { status: 401, error: 'a0.mfa_required', description: 'missing mfa_code parameter' },
  mfa_registration_required: { status: 401, error: 'a0.mfa_registration_required', description: 'User is not enrolled with Google Authenticator' },
  mfa_invalid_code: { status: 401, error: 'a0.mfa_invalid_code', description: 'Wrong or expired code.' },
  /** `mfa_code` sent to a connection without MFA (Auth0: 400 `mfa_code not allowed`). */
  mfa_code_not_allowed: { status: 400, error: 'invalid_request', description: 'mfa_code not allowed' },
  /** A Rule or Action asked for a second factor this server has not (Auth0: 400 `Provider ${provider} not supported`). */
  mfa_provider_not_supported: { status: 400, error: 'invalid_request', description: 'Provider not supported' },
  /** `/oauth/token` password grants of a user under MFA; the body also carries `mfa_token`. */
  mfa_token_required: { status: 403, error: 'mfa_required', description: 'Multifactor authentication required' },
  /** The `mfa-otp` grant with a wrong, replayed or expired code (Auth0.swift's `isMultifactorCodeInvalid`). */
  invalid_otp_grant: { status: 403, error: 'invalid_grant', description: 'Invalid otp_code.' },
  /** An `mfa_token` that is not one of ours, was used, or is for another client. */
  malformed_mfa_token: { status: 403, error: 'invalid_grant', description: 'Malformed mfa_token' },
  expired_mfa_token: { status: 403, error: 'expired_token', description: 'mfa_token is expired' },
  /** Administration of MFA: no such enrolment (or none confirmed, or it was already confirmed). */
  mfa_enrollment_not_found: { status: 404, error: 'not_found', description: 'The enrollment does not exist.' },
  /** A passwordless link's `redirect_uri` that is not one of the client's `callbacks`: never redirected to. */
  callback_mismatch: {
    status: 400,
    error: 'invalid_request',
    description: "Callback URL mismatch: the redirect_uri is not in the client's list of allowed callback URLs",
  },
  /** A `response_type` the passwordless link cannot deliver (`code`: this server has no authorization code flow). */
  unsupported_response_type: {
    status: 400,
    error: 'unsupported_response_type',
    description: 'response_type must be token, id_token or id_token token: this server has no authorization code flow',
  },
  server_error: { status: 500, error: 'server_error', description: 'internal error' },
};
