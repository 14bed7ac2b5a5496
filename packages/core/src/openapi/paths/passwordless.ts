import { BODY_ERRORS, errorResponses } from '../error-responses.js';
import { jsonResult } from '../json-content.js';
import { jsonOrFormBody } from '../request-body.js';
import type { ParameterObject, PathItemObject } from '../types.js';

const query = (name: string, description: string, required = false): ParameterObject => ({ name, in: 'query', required, description, schema: { type: 'string' } });

/** `POST /passwordless/verify` and `GET /passwordless/verify_redirect` (docs/spec.md §5.11). */
export const PASSWORDLESS_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/passwordless/verify': {
    post: {
      operationId: 'passwordlessVerify',
      summary: 'Check a passwordless code before the redirect',
      tags: ['Sign-up and passwordless'],
      description:
        'What auth0.js (v7 `login` with a passcode, v8/v9 `passwordless.verify`) calls before it sends the browser to `/passwordless/verify_redirect` with the same code. A right code answers `{}` and stays valid for that redirect, which spends it; a wrong one counts one of its 3 tries.',
      requestBody: jsonOrFormBody('PasswordlessVerifyRequest', { connection: 'email', email: 'demo@example.com', verification_code: '042917' }),
      responses: {
        '200': jsonResult('The code is right (not spent).', 'PasswordlessVerifyResult', {}),
        ...errorResponses([
          ...BODY_ERRORS,
          { code: 'bad_client_id', when: 'an unknown client_id (`Unknown client`)' },
          { code: 'bad_connection', when: 'missing, unknown, not passwordless, or not enabled for the given client' },
          { code: 'bad_phone_number', when: 'missing, or not E.164' },
          { code: 'bad_email', when: 'missing or not an address' },
          { code: 'bad_request', when: 'missing verification_code', example: 'Missing required property: verification_code' },
          { code: 'invalid_passwordless_code', when: 'wrong, expired, spent or over-tried code', example: 'Wrong email or verification code.' },
          { code: 'temporarily_unavailable', when: 'a store is unreachable, or the strategy is not installed' },
          'server_error',
        ]),
      },
    },
  },
  '/passwordless/verify_redirect': {
    get: {
      operationId: 'passwordlessVerifyRedirect',
      summary: 'Log in with a magic link or code, delivering the tokens to a callback',
      tags: ['Sign-up and passwordless'],
      description: [
        'The magic link of `send=link`, and where auth0.js sends the browser after `/passwordless/verify`. The code or link is spent once; the user (created on first login unless `disable_signup`) is logged in and the tokens delivered in the fragment of a 302 to `redirect_uri`: `access_token`, `token_type`, `expires_in` (`token`), `id_token` (with `nonce`), `state`.',
        '',
        'Without a known client and a `redirect_uri` among its callbacks, nothing is redirected: the answer is a JSON 400. After that every failure is a 302 to the callback with `error`, `error_description` and `state` (in the query for `response_type=code`, which is refused: there is no authorization code flow).',
      ].join('\n'),
      parameters: [
        query('client_id', 'The client.', true),
        query('redirect_uri', 'One of the client’s callbacks (default its first).'),
        query('connection', 'An `sms` or `email` connection enabled for the client.'),
        query('email', 'For `email`.'),
        query('phone_number', 'For `sms`.'),
        query('verification_code', 'The code, or the link’s token.'),
        query('response_type', '`token` (default), `id_token` or `id_token token`.'),
        query('scope', 'Default `openid`.'),
        query('state', 'Echoed in the redirect.'),
        query('nonce', 'Copied into the id_token.'),
        query('response_mode', '`fragment` only.'),
      ],
      responses: {
        '302': {
          description: 'To `redirect_uri`, with the tokens or the error in the fragment.',
          headers: { Location: { description: 'The callback with its fragment.', schema: { type: 'string' } } },
        },
        ...errorResponses([
          { code: 'invalid_parameter', when: 'a repeated parameter or an oversized query' },
          { code: 'bad_client_id', when: 'missing or unknown client_id' },
          { code: 'callback_mismatch', when: 'a redirect_uri that is not one of the client’s callbacks (or none at all)' },
          'server_error',
        ]),
      },
    },
  },
};
