import { BODY_ERRORS, errorResponses, PARAMETER_ERRORS, PATH_ERRORS, SERVICE_ERRORS, type ErrorCase } from '../error-responses.js';
import { jsonResult } from '../json-content.js';
import type { ParameterObject, PathItemObject } from '../types.js';

const TAGS = ['Administration'];
const ADMIN = [{ adminToken: [] }] as const;
const ADMIN_ERRORS: readonly ErrorCase[] = [
  { code: 'invalid_token', when: 'the admin token is missing or wrong', example: 'invalid admin token' },
  { code: 'not_found', when: 'no admin token is configured: the route does not exist', example: 'no route for GET /api/v2/user-blocks' },
  ...SERVICE_ERRORS,
];
const USER_ERRORS: readonly ErrorCase[] = [...PATH_ERRORS, ...ADMIN_ERRORS, { code: 'user_not_found', when: 'no user has this id' }];
const IDENTIFIER_QUERY: readonly ParameterObject[] = [
  { name: 'identifier', in: 'query', required: true, description: 'Email, username or phone number.', schema: { type: 'string', maxLength: 512 } },
  { name: 'consider_brute_force_enablement', in: 'query', description: 'Accepted as Auth0 did; blocks only exist where protection is on.', schema: { enum: ['true', 'false'] } },
];
const USER_ID: readonly ParameterObject[] = [
  { name: 'id', in: 'path', required: true, description: 'The user id, percent-encoded (`auth0%7C5f8a…`).', schema: { type: 'string', maxLength: 512 } },
];
const BLOCKS_EXAMPLE = { blocked_for: [{ identifier: 'demo@example.com', ip: '203.0.113.9', connection: 'Username-Password-Authentication' }] };
const USER_EXAMPLE = {
  user_id: 'auth0|5f8a0c1e9d3b4a7c',
  email: 'demo@example.com',
  email_verified: false,
  identities: [{ provider: 'auth0', user_id: '5f8a0c1e9d3b4a7c', connection: 'Username-Password-Authentication', isSocial: false }],
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  blocked: false,
};
const IDENTIFIER_ERRORS: readonly ErrorCase[] = [
  { code: 'missing_parameter', when: 'no identifier', example: 'missing identifier parameter' },
  { code: 'invalid_parameter', when: 'identifier repeated or too long; consider_brute_force_enablement not true/false', example: 'identifier must be given once' },
];

/** The admin API (`Authorization: Bearer <admin token>`), in Auth0 Management API v2 shapes. */
export const ADMIN_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/api/v2/user-blocks': {
    get: {
      operationId: 'listBlocksByIdentifier',
      summary: 'Brute-force blocks of an identifier',
      tags: TAGS,
      description: 'The brute-force blocks of an email, username or phone number on every connection.',
      security: ADMIN,
      parameters: IDENTIFIER_QUERY,
      responses: {
        '200': jsonResult('The blocks.', 'UserBlocks', BLOCKS_EXAMPLE),
        ...errorResponses([...IDENTIFIER_ERRORS, ...ADMIN_ERRORS]),
      },
    },
    delete: {
      operationId: 'unblockIdentifier',
      summary: 'Release an identifier’s brute-force blocks',
      tags: TAGS,
      description: 'Releases the identifier’s brute-force blocks, from every IP, on every connection. 204 also when there was none.',
      security: ADMIN,
      parameters: IDENTIFIER_QUERY,
      responses: { '204': { description: 'Released.' }, ...errorResponses([...IDENTIFIER_ERRORS, ...ADMIN_ERRORS]) },
    },
  },
  '/api/v2/user-blocks/{id}': {
    get: {
      operationId: 'listBlocksOfUser',
      summary: 'Brute-force blocks of a user',
      tags: TAGS,
      description: 'The brute-force blocks of each of the user’s identifiers on its connection.',
      security: ADMIN,
      parameters: USER_ID,
      responses: { '200': jsonResult('The blocks.', 'UserBlocks', BLOCKS_EXAMPLE), ...errorResponses(USER_ERRORS) },
    },
    delete: {
      operationId: 'unblockUser',
      summary: 'Release a user’s brute-force blocks',
      tags: TAGS,
      description: 'Releases the user’s brute-force blocks. A block set by an administrator stays: PATCH the user with `blocked: false`.',
      security: ADMIN,
      parameters: USER_ID,
      responses: { '204': { description: 'Released.' }, ...errorResponses(USER_ERRORS) },
    },
  },
  '/api/v2/users/{id}': {
    get: {
      operationId: 'getUser',
      summary: 'A user',
      tags: TAGS,
      description: 'The user as Auth0’s Management API shows it, with `blocked`. Never the password hash.',
      security: ADMIN,
      parameters: USER_ID,
      responses: { '200': jsonResult('The user.', 'AdminUser', USER_EXAMPLE), ...errorResponses(USER_ERRORS) },
    },
    patch: {
      operationId: 'updateUser',
      summary: 'Block, unblock, or set the password of a user',
      tags: TAGS,
      description:
        '`blocked` blocks or unblocks the user administratively; `password` sets a database user’s password (checked against the connection’s policy; releases the user’s brute-force blocks). Any other property is refused.',
      security: ADMIN,
      parameters: USER_ID,
      requestBody: {
        required: true,
        description: 'JSON (`blocked` is a boolean, which a form cannot carry).',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/UserPatchRequest' }, examples: { default: { value: { blocked: true } } } } },
      },
      responses: {
        '200': jsonResult('The updated user.', 'AdminUser', { ...USER_EXAMPLE, blocked: true }),
        ...errorResponses([
          ...BODY_ERRORS,
          ...PARAMETER_ERRORS.slice(1),
          { code: 'invalid_request', when: 'neither blocked nor password', example: 'nothing to change: send blocked and/or password' },
          { code: 'invalid_password', when: 'the password does not meet the connection’s policy' },
          { code: 'unsupported_operation', when: 'the user has no password here (not a database user)' },
          ...USER_ERRORS,
        ]),
      },
    },
    delete: {
      operationId: 'deleteUser',
      summary: 'Delete a user',
      tags: TAGS,
      description:
        'Deletes the user, revokes its refresh tokens, deletes its device keys and clears its brute-force counts. 204 also for an unknown user. A user of a custom-database connection without `import_mode` is first deleted upstream by its `delete` script; if that fails nothing is deleted.',
      security: ADMIN,
      parameters: USER_ID,
      responses: {
        '204': { description: 'Deleted (or there was no such user).' },
        ...errorResponses([...PATH_ERRORS, { code: 'unsupported_operation', when: 'a custom-database user (no `import_mode`) whose connection has no delete script' }, ...ADMIN_ERRORS]),
      },
    },
  },
};

/** Schemas of the admin API. */
export const ADMIN_SCHEMAS = {
  UserBlocks: {
    type: 'object',
    required: ['blocked_for'],
    properties: {
      blocked_for: {
        type: 'array',
        items: {
          type: 'object',
          required: ['identifier', 'ip', 'connection'],
          properties: { identifier: { type: 'string' }, ip: { type: 'string' }, connection: { type: 'string' } },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
  AdminUser: { allOf: [{ $ref: '#/components/schemas/Profile' }], required: ['blocked'], properties: { blocked: { type: 'boolean' } } },
  UserPatchRequest: {
    type: 'object',
    minProperties: 1,
    properties: {
      blocked: { type: 'boolean' },
      password: { type: 'string' },
      connection: { type: 'string', description: 'If sent, must be the user’s own connection.' },
    },
    additionalProperties: false,
  },
} as const;
