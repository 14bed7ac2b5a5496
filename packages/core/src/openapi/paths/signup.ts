import { BODY_ERRORS, errorResponses, PARAMETER_ERRORS, SERVICE_ERRORS } from '../error-responses.js';
import { jsonResult } from '../json-content.js';
import { withAuth0Errors } from '../auth0-errors.js';
import { jsonOrFormBody } from '../request-body.js';
import type { PathItemObject } from '../types.js';

/** `POST /dbconnections/signup` and `POST /passwordless/start`. */
export const SIGNUP_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/dbconnections/signup': {
    post: {
      operationId: 'signup',
      summary: 'Create a user in a database connection',
      tags: ['Sign-up and passwordless'],
      description:
        'Creates a user in a database (`auth0`) connection enabled for the client. A taken email answers Auth0’s `user_exists`, a taken username `username_exists`; a password the connection refuses answers Auth0’s `PasswordStrengthError` (with the rules), `PasswordDictionaryError`, `PasswordNoUserInfoError` or `PasswordHistoryError`. Sign-ups are throttled per IP (429 with `Retry-After`).',
      requestBody: jsonOrFormBody('SignupRequest', {
        client_id: 'demo',
        connection: 'Username-Password-Authentication',
        email: 'demo@example.com',
        password: 'Demo-passw0rd',
      }),
      responses: {
        '200': jsonResult('The new user.', 'SignupResult', { _id: '5f8a0c1e9d3b4a7c', email: 'demo@example.com', email_verified: false }),
        ...withAuth0Errors(
          errorResponses([
            ...BODY_ERRORS,
            ...PARAMETER_ERRORS,
            { code: 'bad_connection', when: 'unknown, not a database connection, or not enabled for the client (`the connection was disabled`)' },
            { code: 'invalid_signup', when: 'an email or username that is not valid (says which)', example: 'email is not a valid email address' },
            'unauthorized_client',
            { code: 'signup_disabled', when: 'the connection has `disable_signup`' },
            { code: 'unsupported_operation', when: 'a custom-database connection without `import_mode` has no create script' },
            { code: 'too_many_requests', when: 'too many sign-ups from this IP', example: 'Too many sign-ups from this IP address; try again later.' },
            ...SERVICE_ERRORS,
          ]),
          ['user_exists', 'username_exists', 'invalid_password', 'password_dictionary_error', 'password_no_user_info_error', 'password_history_error'],
        ),
      },
    },
  },
  '/passwordless/start': {
    post: {
      operationId: 'passwordlessStart',
      summary: 'Send a one-time code or magic link by SMS or email',
      tags: ['Sign-up and passwordless'],
      description: [
        'Sends a code (`totp.length` digits, default 6, valid `totp.time_step` seconds, default 180; single use; only the newest counts; at most 3 wrong tries) to `phone_number` (connection `sms`) or `email` (connection `email`). Log in with it at `/oauth/ro` (`username` = the number or address, `password` = the code).',
        '',
        '`send=link` (Auth0’s default for email) sends a single-use link (valid `totp.time_step` seconds) to `/passwordless/verify_redirect` for the `authParams`, which delivers the tokens to the `redirect_uri` (one of the client’s callbacks). `link_ios`/`link_android` send a code inside the app link of the client’s `mobile` app. A connection with `disable_signup` refuses recipients without a user (`bad.connection`, `Public signup is disabled`). Sending is throttled per IP and per recipient (429 with `Retry-After`).',
      ].join('\n'),
      requestBody: jsonOrFormBody('PasswordlessStartRequest', { client_id: 'demo', connection: 'sms', phone_number: '+15550100000', send: 'code' }),
      responses: {
        '200': jsonResult('The code was sent.', 'PasswordlessStartResult', { _id: '9c0e4f2a', phone_number: '+15550100000', phone_verified: false }),
        ...errorResponses([
          ...BODY_ERRORS,
          { code: 'bad_client_id', when: 'missing or unknown client_id (`Unknown client`)' },
          { code: 'bad_connection', when: 'missing, unknown, not passwordless, or not enabled for the client' },
          { code: 'bad_connection', when: 'the connection has `disable_signup` and the recipient has no user', example: 'Public signup is disabled' },
          { code: 'bad_phone_number', when: 'missing, or not E.164' },
          { code: 'bad_email', when: 'missing or not an address' },
          { code: 'bad_request', when: '`send`/`authParams` of the wrong shape, or `link_ios`/`link_android` for a client without its app', example: 'send must be code, link, link_ios or link_android' },
          { code: 'callback_mismatch', when: '`send=link` with a `redirect_uri` that is not one of the client’s callbacks (or none at all)' },
          { code: 'unsupported_response_type', when: '`send=link` with `response_type=code` or another unknown type' },
          { code: 'grant_not_allowed', when: '`send=link` for a client whose `grant_types` lacks `implicit`' },
          { code: 'sms_provider_error', when: 'the SMS or email provider refused the message' },
          { code: 'too_many_requests', when: 'too many starts from this IP or to this recipient', example: 'Too many codes sent to this recipient. Try again later.' },
          { code: 'temporarily_unavailable', when: 'a store or the provider is unreachable, or the strategy is not installed' },
          'server_error',
        ]),
      },
    },
  },
};
