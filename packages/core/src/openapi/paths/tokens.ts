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
          { code: 'grant_not_allowed', when: 'the client’s grant_types does not list the legacy delegation grant', example: "Grant type 'http://auth0.com/oauth/legacy/grant-type/delegation/refresh_token' not allowed for the client." },
          { code: 'invalid_refresh_token', when: 'unknown, revoked or expired refresh token' },
          { code: 'access_denied', when: 'the client rotates refresh tokens', example: 'this client rotates refresh tokens; refresh at /oauth/token' },
          ...SERVICE_ERRORS,
        ]),
      },
    },
  },
  '/oauth/token': {
    post: {
      operationId: 'token',
      summary: 'Tokens for a grant: password, password-realm, passwordless OTP, client credentials, refresh',
      tags: ['Tokens'],
      description:
        'Auth0’s token endpoint. The client authenticates (`client_secret_post`, `client_secret_basic`, or none for a public client) and must be allowed the grant (`grant_types`). `password` logs in on the tenant’s `default_directory`, `http://auth0.com/oauth/grant-type/password-realm` on `realm`, `http://auth0.com/oauth/grant-type/passwordless/otp` on the `sms`/`email` connection `realm` with `otp` — each with the throttles, brute-force protection and audit of `/oauth/ro`. `client_credentials` gives a confidential client an access token for the API `audience` its client grant allows. `refresh_token` redeems (and rotates, for rotating clients) a refresh token. On a connection with `options.mfa.active`, or when a Rule or Action asks for a second factor, the password grants answer 403 `mfa_required` with an `mfa_token`, which `http://auth0.com/oauth/grant-type/mfa-otp` (`mfa_token`, `otp`) redeems for the tokens (docs/spec.md §5.9). With `audience`, the access token is for that API (`aud` = its identifier, then userinfo; its scopes only; its lifetime).',
      security: CLIENT_BASIC,
      requestBody: jsonOrFormBody('TokenRequest', {
        grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
        client_id: 'demo',
        username: 'ada@example.com',
        password: 'correct horse battery staple',
        realm: 'Username-Password-Authentication',
        scope: 'openid offline_access',
      }),
      responses: {
        '200': jsonResult('New tokens.', 'RefreshedTokenSet', { access_token: EXAMPLE_JWT, id_token: EXAMPLE_JWT, token_type: 'Bearer', expires_in: 36000, scope: 'openid offline_access' }),
        ...errorResponses([
          ...BODY_ERRORS,
          ...PARAMETER_ERRORS,
          { code: 'unsupported_grant_type', when: 'a grant_type this endpoint does not serve', example: 'Unsupported grant type: authorization_code' },
          'invalid_scope',
          'connection_not_found',
          'connection_disabled',
          { code: 'unsupported_operation', when: 'a password grant on an sms/email connection, or the OTP grant on another' },
          CLIENT_AUTH,
          BLOCKED,
          { code: 'grant_not_allowed', when: 'the client’s grant_types does not list the grant', example: "Grant type 'password' not allowed for the client." },
          { code: 'wrong_password_grant', when: 'wrong password or unknown user' },
          { code: 'wrong_otp_grant', when: 'wrong, expired or used one-time code' },
          { code: 'mfa_token_required', when: 'password grants on a connection with `options.mfa.active` or under a Rule’s `context.multifactor` / an Action’s `api.multifactor.enable`: the body adds `mfa_token` (docs/spec.md §5.9)' },
          { code: 'invalid_otp_grant', when: 'mfa-otp: a wrong, expired or already used code (or recovery code)' },
          { code: 'invalid_otp_grant', when: 'mfa-otp: the user has no confirmed enrolment', example: 'User is not enrolled with Google Authenticator' },
          { code: 'malformed_mfa_token', when: 'mfa-otp: an mfa_token that is not this server’s, was already redeemed, or is for another client' },
          { code: 'expired_mfa_token', when: 'mfa-otp: an mfa_token older than 10 minutes' },
          { code: 'too_many_attempts', when: 'mfa-otp: ten wrong codes of one user within an hour', example: 'Too many failed MFA attempts. Try again later.' },
          { code: 'access_denied', when: 'unknown audience, or no client grant for it, or scopes not granted', example: 'Service not found: https://api.example.com/' },
          { code: 'invalid_refresh_grant', when: 'unknown, revoked, expired or reused refresh token' },
          'too_many_attempts',
          { code: 'too_many_requests', when: 'the IP is throttled across users' },
          { code: 'no_default_connection', when: '`password` without `tenant.default_directory` in the configuration' },
          { code: 'invalid_subject_token', when: 'token-exchange: the provider refused the code or token, or it is expired, for another app or signed by an unknown key (says which)', example: 'apple refused the code (expired, used or revoked)' },
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
