import { BODY_ERRORS, errorResponses, PARAMETER_ERRORS, SERVICE_ERRORS } from '../error-responses.js';
import { jsonResult } from '../json-content.js';
import { EXAMPLE_JWT } from '../json-content.js';
import { jsonOrFormBody } from '../request-body.js';
import type { PathItemObject } from '../types.js';

const PROFILE = {
  user_id: 'auth0|5f8a0c1e9d3b4a7c',
  email: 'demo@example.com',
  email_verified: false,
  name: 'demo@example.com',
  nickname: 'demo',
  identities: [{ provider: 'auth0', user_id: '5f8a0c1e9d3b4a7c', connection: 'Username-Password-Authentication', isSocial: false }],
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

const INVALID_TOKEN = { code: 'invalid_token', when: 'missing, malformed, expired or foreign token, or the user is gone or blocked' } as const;

/** `POST /tokeninfo` and `GET /userinfo`. */
export const PROFILE_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/tokeninfo': {
    get: {
      operationId: 'tokenInfoGet',
      summary: 'The full profile behind an id_token (query; JSONP)',
      tags: ['Profile'],
      description:
        'The same as `POST /tokeninfo`, with `id_token` in the query (Lock 10’s `getProfile`). With `callback` (auth0.js v7 over JSONP): always 200, a script calling it with `{"status": 200, "user": {…}}` or `{"status": <HTTP status>, "error", "error_description"}`.',
      parameters: [
        { name: 'id_token', in: 'query', required: true, description: 'An id_token (or access token) of this issuer.', schema: { type: 'string' } },
        { name: 'callback', in: 'query', description: 'JSONP callback name (`__jp0`, `a.b`).', schema: { type: 'string', pattern: '^[A-Za-z_$][\\w$]{0,63}(\\.[A-Za-z_$][\\w$]{0,63}){0,3}$' } },
      ],
      responses: {
        '200': {
          ...jsonResult('The profile (JSON), or with `callback` the JSONP script whatever the outcome.', 'Profile', PROFILE),
          content: {
            ...jsonResult('', 'Profile', PROFILE).content,
            'application/javascript': { schema: { type: 'string' }, examples: { default: { value: '/**/ typeof __jp0 === \'function\' && __jp0({"status":200,"user":{…}});' } } },
          },
        },
        ...errorResponses([...PARAMETER_ERRORS, INVALID_TOKEN, ...SERVICE_ERRORS]),
      },
    },
    post: {
      operationId: 'tokenInfo',
      summary: 'The full profile behind an id_token',
      tags: ['Profile'],
      description: 'The full profile (`user_id`, `email`, `email_verified`, `name`, `nickname`, `picture`, `identities[]`, `created_at`, `updated_at`, …) of the user an id_token of this issuer was minted for (its single audience one of the clients; an access token is 401).',
      requestBody: jsonOrFormBody('TokenInfoRequest', { id_token: EXAMPLE_JWT }),
      responses: {
        '200': jsonResult('The profile.', 'Profile', PROFILE),
        ...errorResponses([...BODY_ERRORS, ...PARAMETER_ERRORS, INVALID_TOKEN, ...SERVICE_ERRORS]),
      },
    },
  },
  '/userinfo': {
    post: {
      operationId: 'userInfoPost',
      summary: 'The profile of the access token’s user (POST, as auth0.js v7 sends it)',
      tags: ['Profile'],
      description: 'The same as `GET /userinfo`: the profile with `sub`, for `Authorization: Bearer <access_token>`. Any body is ignored.',
      security: [{ accessToken: [] }],
      responses: {
        '200': jsonResult('The profile.', 'UserInfo', { sub: PROFILE.user_id, ...PROFILE }),
        ...errorResponses([INVALID_TOKEN, ...SERVICE_ERRORS]),
      },
    },
    get: {
      operationId: 'userInfo',
      summary: 'The profile of the access token’s user',
      tags: ['Profile'],
      description: 'The profile with `sub`, for `Authorization: Bearer <access_token>`: an access token (`typ: at+jwt`) for the userinfo audience; an id_token is 401.',
      security: [{ accessToken: [] }],
      responses: {
        '200': jsonResult('The profile.', 'UserInfo', { sub: PROFILE.user_id, ...PROFILE }),
        ...errorResponses([INVALID_TOKEN, ...SERVICE_ERRORS]),
      },
    },
  },
};
