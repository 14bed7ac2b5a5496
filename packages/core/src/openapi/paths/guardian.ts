import { BODY_ERRORS, errorResponses, PARAMETER_ERRORS, PATH_ERRORS, SERVICE_ERRORS, type ErrorCase } from '../error-responses.js';
import { jsonResult } from '../json-content.js';
import { jsonOrFormBody } from '../request-body.js';
import type { ParameterObject, PathItemObject, ResponseObject } from '../types.js';

const TAGS = ['Administration'];
const ADMIN = [{ adminToken: [] }] as const;
const ADMIN_ERRORS: readonly ErrorCase[] = [
  { code: 'invalid_token', when: 'the admin token is missing or wrong', example: 'invalid admin token' },
  { code: 'not_found', when: 'no admin token is configured: the route does not exist', example: 'no route for POST /api/v2/guardian/enrollments/ticket' },
  ...SERVICE_ERRORS,
];
const USER_ERRORS: readonly ErrorCase[] = [...PATH_ERRORS, ...ADMIN_ERRORS, { code: 'user_not_found', when: 'no user has this id' }];
const USER_ID: ParameterObject = { name: 'id', in: 'path', required: true, description: 'The user id, percent-encoded (`auth0%7C5f8a…`).', schema: { type: 'string', maxLength: 512 } };
const ENROLLMENT_ID: readonly ParameterObject[] = [{ name: 'id', in: 'path', required: true, description: 'The enrolment id (`totp|dev_…`), percent-encoded.', schema: { type: 'string', maxLength: 128 } }];
const ENROLLMENT_EXAMPLE = { id: 'totp|dev_0a1b2c3d4e5f6a7b', status: 'confirmed', type: 'authenticator', auth_method: 'authenticator', enrolled_at: '2026-01-01T00:00:00.000Z', last_auth: '2026-01-02T00:00:00.000Z' };

/** An HTML page (no script, strict CSP, never cached). */
function htmlPage(description: string): ResponseObject {
  return { description, content: { 'text/html': { schema: { type: 'string' } } } };
}

/** MFA (TOTP) enrolment: the ticket page and the Management API around it (docs/spec.md §5.10). */
export const GUARDIAN_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/api/v2/guardian/enrollments/ticket': {
    post: {
      operationId: 'createGuardianEnrollmentTicket',
      summary: 'Create an MFA enrolment ticket',
      tags: TAGS,
      description:
        'Auth0’s Management API: `user_id`; optional `send_mail` (email the link with the `enrollment_email` template, to `email` or the user’s address), `email`, `email_locale`, `factor` (only `otp`), `allow_multiple_enrollments`. The link is single-use, valid the template’s `urlLifetimeInSeconds` (default 5 days), stored only as its SHA-256.',
      security: ADMIN,
      requestBody: jsonOrFormBody('GuardianEnrollmentTicketRequest', { user_id: 'auth0|5f8a0c1e9d3b4a7c', send_mail: false }),
      responses: {
        '200': jsonResult('The ticket.', 'GuardianEnrollmentTicket', { ticket_id: 'Qm9…', ticket_url: 'https://auth.example.com/guardian/enrollment?ticket=Qm9…#' }),
        ...errorResponses([
          ...BODY_ERRORS,
          ...PARAMETER_ERRORS,
          { code: 'user_not_found', when: 'no such user' },
          ...ADMIN_ERRORS,
        ]),
      },
    },
  },
  '/api/v2/guardian/enrollments/{id}': {
    get: {
      operationId: 'getGuardianEnrollment',
      summary: 'An MFA enrolment',
      tags: TAGS,
      description: 'One enrolment, pending or confirmed, in Auth0’s shape.',
      security: ADMIN,
      parameters: ENROLLMENT_ID,
      responses: {
        '200': jsonResult('The enrolment.', 'GuardianEnrollment', ENROLLMENT_EXAMPLE),
        ...errorResponses([...PATH_ERRORS, ...ADMIN_ERRORS, { code: 'mfa_enrollment_not_found', when: 'no enrolment has this id' }]),
      },
    },
    delete: {
      operationId: 'deleteGuardianEnrollment',
      summary: 'Delete an MFA enrolment',
      tags: TAGS,
      description: 'The user then logs in without a code, or enrols again. 204 also for an unknown id, as Auth0.',
      security: ADMIN,
      parameters: ENROLLMENT_ID,
      responses: { '204': { description: 'Deleted (or there was no such enrolment).' }, ...errorResponses([...PATH_ERRORS, ...ADMIN_ERRORS]) },
    },
  },
  '/api/v2/users/{id}/enrollments': {
    get: {
      operationId: 'getUserEnrollments',
      summary: 'A user’s MFA enrolments',
      tags: TAGS,
      description: 'Pending and confirmed, oldest first, in Auth0’s shape.',
      security: ADMIN,
      parameters: [USER_ID],
      responses: {
        '200': { description: 'The enrolments.', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/GuardianEnrollment' } }, examples: { default: { value: [ENROLLMENT_EXAMPLE] } } } } },
        ...errorResponses(USER_ERRORS),
      },
    },
  },
  '/api/v2/users/{id}/recovery-code-regeneration': {
    post: {
      operationId: 'regenerateRecoveryCode',
      summary: 'Regenerate a user’s MFA recovery code',
      tags: TAGS,
      description: 'A new recovery code for the user’s confirmed enrolment, shown this once; the old one stops working.',
      security: ADMIN,
      parameters: [USER_ID],
      responses: {
        '200': jsonResult('The new recovery code.', 'RecoveryCode', { recovery_code: 'K6LGLV3RSH3VERMKET8L7QKU' }),
        ...errorResponses([...USER_ERRORS, { code: 'mfa_enrollment_not_found', when: 'the user has no confirmed enrolment', example: 'The user has no confirmed MFA enrollment.' }]),
      },
    },
  },
  '/api/v2/users/{id}/multifactor/{provider}': {
    delete: {
      operationId: 'deleteUserMultifactor',
      summary: 'Reset a user’s MFA (legacy)',
      tags: TAGS,
      description: 'Auth0’s legacy reset: deletes every enrolment of the user. `provider` is `google-authenticator` or `guardian`.',
      security: ADMIN,
      parameters: [USER_ID, { name: 'provider', in: 'path', required: true, description: 'The MFA provider.', schema: { type: 'string' } }],
      responses: {
        '204': { description: 'Reset (also when the user had no enrolment).' },
        ...errorResponses([...USER_ERRORS, { code: 'invalid_parameter', when: 'another provider (duo)', example: 'provider must be google-authenticator or guardian' }]),
      },
    },
  },
  '/guardian/enrollment': {
    get: {
      operationId: 'enrollmentPage',
      summary: 'The MFA enrolment page',
      tags: ['Sign-up and passwordless'],
      description:
        'The page the ticket link opens: a fresh TOTP key for the user (replacing an earlier pending one) as a QR code (inline SVG) and as text, and a form for the first code. No script, `Content-Security-Policy: default-src \'none\'`, a CSRF token in a cookie and in the form. The ticket is not spent.',
      parameters: [{ name: 'ticket', in: 'query', required: true, description: 'The ticket of the link.', schema: { type: 'string' } }],
      responses: { '200': htmlPage('The page.'), '400': htmlPage('The link is unknown, expired or spent.'), '503': htmlPage('MFA cannot be set up right now (the enrolment store did not answer).') },
    },
    post: {
      operationId: 'confirmEnrollment',
      summary: 'Confirm the first code',
      tags: ['Sign-up and passwordless'],
      description:
        'Form fields `ticket`, `_csrf`, `enrollment_id`, `code`. A wrong code keeps the ticket (5 wrong codes in all, then it is spent); the right one confirms the enrolment, spends the ticket and shows the recovery code once.',
      responses: {
        '200': htmlPage('Enrolled: the recovery code.'),
        '400': htmlPage('The link is unknown, expired or spent; the enrolment was replaced; or the code is wrong (the form again, saying how many tries are left).'),
        '403': htmlPage('The CSRF token is missing or does not match its cookie.'),
        '429': htmlPage('Too many wrong codes for this account (the user’s own MFA limit, across logins and enrolment).'),
        '503': htmlPage('No counter store, or too many tries at once.'),
      },
    },
  },
};

/** Schemas of the MFA enrolment routes. */
export const GUARDIAN_SCHEMAS = {
  GuardianEnrollmentTicketRequest: {
    type: 'object',
    required: ['user_id'],
    properties: {
      user_id: { type: 'string' },
      email: { type: 'string', maxLength: 254 },
      send_mail: { type: 'boolean' },
      email_locale: { type: 'string' },
      factor: { const: 'otp' },
      allow_multiple_enrollments: { type: 'boolean' },
    },
  },
  GuardianEnrollmentTicket: { type: 'object', required: ['ticket_id', 'ticket_url'], properties: { ticket_id: { type: 'string' }, ticket_url: { type: 'string', format: 'uri' } }, additionalProperties: false },
  GuardianEnrollment: {
    type: 'object',
    required: ['id', 'status'],
    properties: {
      id: { type: 'string' },
      status: { enum: ['pending', 'confirmed'] },
      type: { type: 'string' },
      name: { type: 'string' },
      identifier: { type: 'string' },
      phone_number: { type: 'string' },
      auth_method: { type: 'string' },
      enrolled_at: { type: 'string', format: 'date-time' },
      last_auth: { type: 'string', format: 'date-time' },
    },
  },
  RecoveryCode: { type: 'object', required: ['recovery_code'], properties: { recovery_code: { type: 'string' } }, additionalProperties: false },
} as const;
