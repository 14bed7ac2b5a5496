import { BODY_ERRORS, errorResponses, PARAMETER_ERRORS } from '../error-responses.js';
import { EXAMPLE_JWT, jsonResult } from '../json-content.js';
import { jsonOrFormBody } from '../request-body.js';
import type { PathItemObject } from '../types.js';

/** `POST /oauth/ro`. */
export const LOGIN_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/oauth/ro': {
    post: {
      operationId: 'resourceOwnerLogin',
      summary: 'Log in with a password, a passwordless code or a device assertion',
      tags: ['Login'],
      description: [
        'Auth0’s legacy resource-owner endpoint.',
        '',
        '- `grant_type=password` (the default): `username`/`password` against the connection. For `sms` the username is the E.164 phone number and the password the code; for `email` the address and the code.',
        '- `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer` (Touch ID): `id_token` is a short-lived JWT signed by a key registered for the user’s device (see device credentials), `iss` = the user id; `device` must match the registered device.',
        '',
        '`scope`: `openid` gives an id_token with only `iss sub aud iat exp`; each further word (`name`, `email`, `nickname`, `picture`, `email_verified`, …) adds that attribute; `profile` adds the whole profile; `offline_access` together with `device` adds a `refresh_token`. No `scope`: an access token only.',
        '',
        'A wrong password and an unknown user get the same answer in the same time. Ten consecutive failures for one user from one IP block further attempts (429).',
        '',
        'MFA (connection `options.mfa.active`, database and directory connections): once the password is right, an enrolled user must send `mfa_code` (TOTP code or recovery code); see the 401 answers `a0.mfa_required`, `a0.mfa_invalid_code`, `a0.mfa_registration_required` (docs/spec.md §5.9). Ten wrong codes of one user in an hour → 429.',
      ].join('\n'),
      requestBody: jsonOrFormBody('RoRequest', {
        client_id: 'demo',
        connection: 'Username-Password-Authentication',
        grant_type: 'password',
        username: 'demo@example.com',
        password: 'Demo-passw0rd',
        scope: 'openid email',
      }),
      responses: {
        '200': jsonResult('Tokens.', 'TokenSet', { access_token: EXAMPLE_JWT, id_token: EXAMPLE_JWT, token_type: 'bearer' }),
        ...errorResponses([
          ...BODY_ERRORS,
          ...PARAMETER_ERRORS,
          { code: 'unsupported_grant_type', when: 'grant_type is neither password nor jwt-bearer', example: 'grant type client_credentials is not supported' },
          'connection_not_found',
          'connection_disabled',
          { code: 'unsupported_operation', when: 'the connection’s strategy does not support the grant' },
          { code: 'invalid_grant', when: 'a bad or unknown device assertion (says which)' },
          { code: 'invalid_user_password', when: 'wrong password or unknown user' },
          { code: 'invalid_passwordless_code', when: 'wrong, expired or spent passwordless code (or `Wrong email or verification code.`)' },
          { code: 'unauthorized', when: 'user blocked; AD account disabled, locked or expired; password expired or must be changed (says which)' },
          'unauthorized_client',
          { code: 'grant_not_allowed', when: 'the client’s grant_types lists grant_types but not the legacy ro grant', example: "Grant type 'http://auth0.com/oauth/legacy/grant-type/ro' not allowed for the client." },
          { code: 'too_many_attempts', when: '`brute_force_limit` (10) consecutive failures for one user, whichever identifier was typed, from one network (IPv4 address, IPv6 /64)' },
          { code: 'too_many_requests', when: 'too many failed logins from this IP across users', example: 'Too many failed logins from this IP address; try again later.' },
          { code: 'mfa_required', when: 'MFA (the connection’s `options.mfa`, or a Rule’s `context.multifactor` / an Action’s `api.multifactor.enable`): the user is enrolled and no `mfa_code` was sent' },
          { code: 'mfa_invalid_code', when: 'MFA: a wrong, expired or already used code (or recovery code)' },
          { code: 'mfa_registration_required', when: 'MFA: the user has no confirmed enrolment' },
          {
            code: 'mfa_registration_required',
            when: 'MFA with `return_enroll_settings`: the body adds `mfa_settings` (`provider`, `key`, `qr`) of a pending enrolment',
            example: 'MFA registration is required. Generated keys for enrollement',
          },
          { code: 'mfa_code_not_allowed', when: '`mfa_code` sent to a login that needs no second factor (no `options.mfa`, no Rule or Action asking for one)' },
          { code: 'mfa_provider_not_supported', when: 'a Rule or Action asked for a second factor other than TOTP (`duo`…)', example: 'Provider duo not supported' },
          { code: 'too_many_attempts', when: 'MFA: ten wrong codes of one user within an hour', example: 'Too many failed MFA attempts. Try again later.' },
          {
            code: 'temporarily_unavailable',
            when: 'a directory (LDAP, Azure AD, ADFS) or store is unreachable (names the connection), or no login slot freed within 10 s (`Retry-After: 1`)',
          },
          'server_error',
        ]),
      },
    },
  },
};
