import { BODY_ERRORS, errorResponses, PARAMETER_ERRORS, SERVICE_ERRORS } from '../error-responses.js';
import { EXAMPLE_JWT, jsonResult } from '../json-content.js';
import { jsonOrFormBody } from '../request-body.js';
import type { PathItemObject } from '../types.js';

/** `POST /oauth/access_token`: the legacy social exchange for native apps. */
export const SOCIAL_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/oauth/access_token': {
    post: {
      operationId: 'socialAccessToken',
      summary: 'Exchange a Facebook or Google access token for tokens',
      tags: ['Login'],
      description:
        'Auth0’s legacy native social login (Auth0.swift/Android 1.x, auth0.js v7 `loginWithSocialAccessToken`): the provider access token of a `facebook` or `google-oauth2` connection is verified with the provider (Facebook `debug_token`, Google `tokeninfo`; app and audience checked), the user found or created as `{strategy}|{provider id}`, and tokens minted as on `/oauth/ro`.',
      requestBody: jsonOrFormBody('SocialAccessTokenRequest', { client_id: 'demo', connection: 'facebook', access_token: 'EAAB…', scope: 'openid' }),
      responses: {
        '200': jsonResult('Tokens.', 'TokenSet', { access_token: EXAMPLE_JWT, id_token: EXAMPLE_JWT, token_type: 'bearer' }),
        ...errorResponses([
          ...BODY_ERRORS,
          ...PARAMETER_ERRORS,
          'connection_not_found',
          'connection_disabled',
          { code: 'unsupported_operation', when: 'the connection is not facebook or google-oauth2' },
          'unauthorized_client',
          { code: 'grant_not_allowed', when: 'the client’s grant_types lacks the legacy access_token grant', example: "Grant type 'http://auth0.com/oauth/legacy/grant-type/access_token' not allowed for the client." },
          { code: 'invalid_subject_token', when: 'the provider refused the token, or it is expired or for another app (says which)', example: 'the token was issued to another facebook app' },
          { code: 'unauthorized', when: 'the user was blocked', example: 'user is blocked' },
          ...SERVICE_ERRORS,
        ]),
      },
    },
  },
};
