import { BODY_ERRORS, errorResponses, PARAMETER_ERRORS, PATH_ERRORS, SERVICE_ERRORS } from '../error-responses.js';
import { jsonResult } from '../json-content.js';
import { jsonOrFormBody } from '../request-body.js';
import type { PathItemObject } from '../types.js';

const INVALID_TOKEN = { code: 'invalid_token', when: 'missing or invalid bearer, an id_token that is HS256 or of another client, or the user is gone or blocked' } as const;
const BEARER = [{ accessToken: [] }] as const;
const TAGS = ['Device credentials (Touch ID)'];

/** `GET`/`POST /api/v2/device-credentials` and `DELETE /api/v2/device-credentials/{id}`. */
export const DEVICE_CREDENTIAL_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/api/v2/device-credentials': {
    get: {
      operationId: 'listDeviceCredentials',
      summary: 'List your own device keys and refresh-token devices',
      tags: TAGS,
      description: 'The caller’s device public keys and the devices holding refresh tokens (one entry per token family; its `id` revokes it through DELETE). With an id_token as bearer, only its client’s.',
      security: BEARER,
      parameters: [
        { name: 'type', in: 'query', description: 'Only this type.', schema: { enum: ['public_key', 'refresh_token', 'rotating_refresh_token'] } },
        { name: 'client_id', in: 'query', description: 'Only this client’s.', schema: { type: 'string' } },
        { name: 'user_id', in: 'query', description: 'Must be the caller’s own id if sent.', schema: { type: 'string' } },
      ],
      responses: {
        '200': {
          description: 'The credentials.',
          content: {
            'application/json': {
              schema: { type: 'array', items: { $ref: '#/components/schemas/DeviceCredential' } },
              examples: { default: { value: [{ id: 'dcr_0a1b2c3d4e5f60718293a4b5', device_name: 'iPhone', device_id: 'd-1', type: 'public_key', user_id: 'auth0|5f8a', client_id: 'demo' }] } },
            },
          },
        },
        ...errorResponses([
          { code: 'invalid_parameter', when: 'unknown `type`', example: 'type must be one of public_key, refresh_token, rotating_refresh_token' },
          INVALID_TOKEN,
          { code: 'access_denied', when: '`user_id` is someone else’s', example: 'only your own device credentials can be listed' },
          ...SERVICE_ERRORS,
        ]),
      },
    },
    post: {
      operationId: 'createDeviceCredential',
      summary: 'Register a device public key',
      tags: TAGS,
      description: 'Registers a device public key for the Touch ID flow (`/oauth/ro` with the jwt-bearer grant), with the user’s own access token as bearer, or (Auth0’s Touch ID enrolment, Lock’s flow) an id_token signed with the server’s keys whose audience is the body’s `client_id`. Never an HS256 id_token.',
      security: BEARER,
      requestBody: jsonOrFormBody('DeviceCredentialRequest', {
        device_name: 'iPhone',
        type: 'public_key',
        value: '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…\n-----END PUBLIC KEY-----',
        device_id: 'd-1',
        client_id: 'demo',
      }),
      responses: {
        '201': jsonResult('Registered.', 'DeviceCredentialCreated', { id: 'dcr_0a1b2c3d4e5f60718293a4b5' }),
        ...errorResponses([
          ...BODY_ERRORS,
          ...PARAMETER_ERRORS,
          { code: 'invalid_parameter', when: '`type` not `public_key`, unknown `client_id`, or an unusable key (says which)', example: 'type must be public_key' },
          INVALID_TOKEN,
          { code: 'not_found', when: 'device credentials are not enabled (no store for them)', example: 'device credentials are not enabled' },
          { code: 'device_credential_exists', when: 'the device already has a key for this user and client' },
          ...SERVICE_ERRORS,
        ]),
      },
    },
  },
  '/api/v2/device-credentials/{id}': {
    delete: {
      operationId: 'deleteDeviceCredential',
      summary: 'Delete a device key or revoke a refresh-token family',
      tags: TAGS,
      description: 'Deletes one of the caller’s device keys, or revokes one of the caller’s refresh-token families.',
      security: BEARER,
      parameters: [{ name: 'id', in: 'path', required: true, description: 'An `id` from the list.', schema: { type: 'string' } }],
      responses: {
        '204': { description: 'Deleted.' },
        ...errorResponses([...PATH_ERRORS, INVALID_TOKEN, { code: 'not_found', when: 'not one of the caller’s', example: 'device credential not found' }, ...SERVICE_ERRORS]),
      },
    },
  },
};
