import { BODY_ERRORS, errorResponses, PARAMETER_ERRORS, SERVICE_ERRORS } from '../error-responses.js';
import { EXAMPLE_JWT, jsonResult } from '../json-content.js';
import { jsonOrFormBody } from '../request-body.js';
import type { PathItemObject } from '../types.js';

const UNSUPPORTED_GRANT = { code: 'unsupported_grant_type', when: 'another grant_type', example: 'grant type password is not supported' } as const;
const BLOCKED = { code: 'unauthorized', when: 'the user was blocked', example: 'user is blocked' } as const;
const CLIENT_AUTH = { code: 'invalid_client', when: 'unknown client, or a confidential client without its secret' } as const;
const CLIENT_BASIC = [{}, { clientSecretBasic: [] }] as const;

/** `POST /delegation`, `POST /oauth/token` and `POST /oauth/revoke`. */
export const TOKEN_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/delegation': {
    post: {
      operationId: 'delegation',
      summary: 'Exchange a refresh token or id_token for a new id_token',
      tags: ['Tokens'],
      description:
        'Auth0’s delegation: a `refresh_token` or an `id_token` of `client_id` exchanged for a fresh id_token for `target` (default: the same client), claims shaped by `scope` (default `openid`). A `target` other than `client_id` must list `client_id` in its `allowed_clients` (empty: none — unlike Auth0, where empty meant all). A confidential client (`token_endpoint_auth_method` other than `none`) authenticates with its secret, in the body or through HTTP Basic, to redeem its refresh token. `api_type=app`, or `api_type=auth0` with `scope=passthrough` (auth0.js v7 `renewIdToken`/`refreshToken`: the same client, the same claims). Clients that rotate refresh tokens must refresh at `/oauth/token`.',
      security: CLIENT_BASIC,
      requestBody: jsonOrFormBody('DelegationRequest', {
        client_id: 'demo',
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        refresh_token: 'v1.MRrR1f3sQmXx',
        api_type: 'app',
        scope: 'openid',
      }),
      responses: {
        '200': jsonResult('A new id_token.', 'DelegationResult', { id_token: EXAMPLE_JWT, token_type: 'Bearer', expires_in: 36000 }),
        ...errorResponses([
          ...BODY_ERRORS,
          ...PARAMETER_ERRORS,
          UNSUPPORTED_GRANT,
          { code: 'invalid_token', when: 'the id_token is invalid, expired, or not issued to client_id' },
          BLOCKED,
          CLIENT_AUTH,
          { code: 'unauthorized_client', when: 'unknown client_id, or a target whose allowed_clients does not list client_id', example: 'client a may not delegate to b (not in its allowed_clients)' },
          { code: 'invalid_refresh_token', when: 'unknown, revoked or expired refresh token' },
          { code: 'access_denied', when: 'the client rotates refresh tokens', example: 'this client rotates refresh tokens; refresh at /oauth/token' },
          ...SERVICE_ERRORS,
        ]),
      },
    },
  },
  '/oauth/token': {
    post: {
      operationId: 'refreshToken',
      summary: 'Refresh: a refresh token for a new access token',
      tags: ['Tokens'],
      description:
        '`grant_type=refresh_token` (RFC 6749 §6). Confidential clients authenticate with their secret, in the body or through HTTP Basic. Rotating clients get the successor as `refresh_token`; reusing a spent one revokes the family.',
      security: CLIENT_BASIC,
      requestBody: jsonOrFormBody('TokenRequest', { grant_type: 'refresh_token', client_id: 'demo', refresh_token: 'v1.MRrR1f3sQmXx' }),
      responses: {
        '200': jsonResult('New tokens.', 'RefreshedTokenSet', { access_token: EXAMPLE_JWT, token_type: 'Bearer', expires_in: 36000, scope: 'offline_access' }),
        ...errorResponses([
          ...BODY_ERRORS,
          ...PARAMETER_ERRORS,
          UNSUPPORTED_GRANT,
          'invalid_scope',
          CLIENT_AUTH,
          BLOCKED,
          { code: 'invalid_refresh_grant', when: 'unknown, revoked, expired or reused refresh token' },
          ...SERVICE_ERRORS,
        ]),
      },
    },
  },
  '/oauth/revoke': {
    post: {
      operationId: 'revokeRefreshToken',
      summary: 'Revoke a refresh token',
      tags: ['Tokens'],
      description:
        'RFC 7009: revokes a refresh token and every token rotated from it. 200 whether or not the token was known (nothing to learn from the answer); only client authentication can fail.',
      security: CLIENT_BASIC,
      requestBody: jsonOrFormBody('RevokeRequest', { client_id: 'demo', token: 'v1.MRrR1f3sQmXx' }),
      responses: {
        '200': jsonResult('Revoked, or nothing to revoke.', 'Empty', {}),
        ...errorResponses([...BODY_ERRORS, ...PARAMETER_ERRORS, CLIENT_AUTH, ...SERVICE_ERRORS]),
      },
    },
  },
};
