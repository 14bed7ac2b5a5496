import { withAuth0Errors } from '../auth0-errors.js';
import { BODY_ERRORS, errorResponses, PARAMETER_ERRORS, SERVICE_ERRORS, type ErrorCase } from '../error-responses.js';
import { jsonResult } from '../json-content.js';
import { jsonOrFormBody } from '../request-body.js';
import type { ParameterObject, PathItemObject, ResponseObject } from '../types.js';

const ADMIN = [{ adminToken: [] }] as const;
const ADMIN_ERRORS: readonly ErrorCase[] = [
  { code: 'invalid_token', when: 'the admin token is missing or wrong', example: 'invalid admin token' },
  { code: 'not_found', when: 'no admin token is configured: the route does not exist', example: 'no route for POST /api/v2/tickets/password-change' },
  ...SERVICE_ERRORS,
];

/** An HTML page (the account pages: no script, strict CSP, never cached). */
function htmlPage(description: string): ResponseObject {
  return { description, content: { 'text/html': { schema: { type: 'string' } } } };
}

const REDIRECT: ResponseObject = { description: 'Redirect to the result URL (`resultUrl` of the template, or the ticket’s `result_url`) with `success=true&message=…`.' };
const TICKET_QUERY: readonly ParameterObject[] = [{ name: 'ticket', in: 'query', required: true, description: 'The ticket from the email link.', schema: { type: 'string' } }];

/** Account flows of database connections: password reset, email verification, and their admin API. */
export const ACCOUNT_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/dbconnections/change_password': {
    post: {
      operationId: 'changePassword',
      summary: 'Email a password reset link',
      tags: ['Sign-up and passwordless'],
      description:
        'Answers 200 with Auth0’s sentence (`text/html`) for known and unknown addresses alike, and emails a known user a single-use reset link (`{issuer}lo/reset?ticket=…`, valid the reset template’s `urlLifetimeInSeconds`, default 5 days). Legacy `password`: checked against the policy now (Auth0’s password errors), and the link confirms it.',
      requestBody: jsonOrFormBody('ChangePasswordRequest', { client_id: 'demo', email: 'demo@example.com', connection: 'Username-Password-Authentication' }),
      responses: {
        '200': { description: 'Sent (or nothing to send).', content: { 'text/html': { schema: { const: "We've just sent you an email to reset your password." } } } },
        ...withAuth0Errors(
          errorResponses([
            ...BODY_ERRORS,
            ...PARAMETER_ERRORS,
            { code: 'bad_connection', when: 'unknown, not a database connection, or not enabled for the client' },
            { code: 'bad_email', when: 'not an email address' },
            { code: 'unsupported_operation', when: 'legacy `password` on a custom-database connection without `import_mode` (its scripts need the new password from the reset form)' },
            'unauthorized_client',
            { code: 'too_many_requests', when: 'more than 5 requests an hour for one address, or 30 from one IP', example: 'You have reached the limit on password change attempts. Please wait before trying again.' },
            ...SERVICE_ERRORS,
          ]),
          ['invalid_password', 'password_dictionary_error'],
        ),
      },
    },
  },
  '/lo/reset': {
    get: {
      operationId: 'resetPasswordPage',
      summary: 'The password reset page',
      tags: ['Sign-up and passwordless'],
      description: 'The form the reset link opens: no script, `Content-Security-Policy: default-src \'none\'`, a CSRF token in a cookie and in the form.',
      parameters: TICKET_QUERY,
      responses: { '200': htmlPage('The form.'), '400': htmlPage('The link is unknown, expired or spent.') },
    },
    post: {
      operationId: 'resetPassword',
      summary: 'Set the new password',
      tags: ['Sign-up and passwordless'],
      description:
        'Form fields `ticket`, `_csrf`, `newPassword`, `confirmNewPassword`. A password the connection refuses keeps the ticket and shows the form again; otherwise the ticket is spent, the password set, the user’s refresh tokens and device keys revoked and brute-force blocks released.',
      responses: {
        '200': htmlPage('Password changed.'),
        '302': REDIRECT,
        '400': htmlPage('The link is unknown, expired or spent; or the password was refused (the form again, saying why).'),
        '403': htmlPage('The CSRF token is missing or does not match its cookie.'),
        '503': htmlPage('A custom database’s change_password script failed; the ticket is given back.'),
      },
    },
  },
  '/api/v2/tickets/email-verification': {
    get: {
      operationId: 'verifyEmail',
      summary: 'The email verification link',
      tags: ['Sign-up and passwordless'],
      description: 'Spends the ticket and sets the user’s `email_verified`; on a custom-database connection without `import_mode`, its `verify` script marks the address upstream instead (the ticket is given back when it does not).',
      parameters: TICKET_QUERY,
      responses: {
        '200': htmlPage('Email verified.'),
        '302': REDIRECT,
        '400': htmlPage('The link is unknown, expired or spent; or a custom database’s verify script did not verify the address.'),
        '503': htmlPage('A custom database’s verify script failed; the ticket is given back.'),
      },
    },
  },
  '/api/v2/tickets/password-change': {
    post: {
      operationId: 'createPasswordChangeTicket',
      summary: 'Create a password change ticket',
      tags: ['Administration'],
      description: 'Auth0’s Management API: `user_id`, or `email` with `connection_id` (the connection’s name; on a custom-database connection a user not stored here is found with its `get_user` script); optional `result_url`, `ttl_sec`, `client_id`. No email is sent.',
      security: ADMIN,
      requestBody: jsonOrFormBody('PasswordChangeTicketRequest', { user_id: 'auth0|5f8a0c1e9d3b4a7c', result_url: 'https://app.example.com/login' }),
      responses: {
        '201': jsonResult('The ticket.', 'PasswordChangeTicket', { ticket: 'https://auth.example.com/lo/reset?ticket=Qm9…#' }),
        ...errorResponses([
          ...BODY_ERRORS,
          ...PARAMETER_ERRORS,
          { code: 'unsupported_operation', when: 'the user is not in a database connection' },
          { code: 'user_not_found', when: 'no such user' },
          ...ADMIN_ERRORS,
        ]),
      },
    },
  },
  '/api/v2/jobs/verification-email': {
    post: {
      operationId: 'sendVerificationEmail',
      summary: 'Send a verification email',
      tags: ['Administration'],
      description: 'Auth0’s Management API: `user_id`, optional `client_id`. The email is sent after the answer.',
      security: ADMIN,
      requestBody: jsonOrFormBody('VerificationEmailJobRequest', { user_id: 'auth0|5f8a0c1e9d3b4a7c' }),
      responses: {
        '201': jsonResult('The job.', 'VerificationEmailJob', { type: 'verification_email', status: 'pending', created_at: '2026-01-01T00:00:00.000Z', id: 'job_0a1b2c3d4e5f6a7b' }),
        ...errorResponses([
          ...BODY_ERRORS,
          ...PARAMETER_ERRORS,
          { code: 'invalid_request', when: 'the user has no email address' },
          { code: 'user_not_found', when: 'no such user' },
          ...ADMIN_ERRORS,
        ]),
      },
    },
  },
};

/** Schemas of the account routes. */
export const ACCOUNT_SCHEMAS = {
  ChangePasswordRequest: {
    type: 'object',
    required: ['client_id', 'email', 'connection'],
    properties: { client_id: { type: 'string' }, email: { type: 'string', maxLength: 254 }, connection: { type: 'string' }, password: { type: 'string', description: 'Legacy: the new password the link confirms.' } },
  },
  PasswordChangeTicketRequest: {
    type: 'object',
    properties: {
      user_id: { type: 'string' },
      email: { type: 'string' },
      connection_id: { type: 'string' },
      result_url: { type: 'string', format: 'uri' },
      ttl_sec: { type: 'integer', minimum: 0 },
      client_id: { type: 'string' },
    },
  },
  PasswordChangeTicket: { type: 'object', required: ['ticket'], properties: { ticket: { type: 'string' } }, additionalProperties: false },
  VerificationEmailJobRequest: { type: 'object', required: ['user_id'], properties: { user_id: { type: 'string' }, client_id: { type: 'string' } } },
  VerificationEmailJob: {
    type: 'object',
    required: ['type', 'status', 'created_at', 'id'],
    properties: { type: { const: 'verification_email' }, status: { enum: ['pending', 'completed'] }, created_at: { type: 'string' }, id: { type: 'string' } },
    additionalProperties: false,
  },
} as const;
