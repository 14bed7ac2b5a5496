import { BROWSER_ROUTES, CORS_ALLOWED_HEADERS } from '../../http/cors.js';
import { errorResponses, PATH_ERRORS } from '../error-responses.js';
import type { HeaderObject, OperationObject, PathItemObject, ResponseObject } from '../types.js';

const TAG = 'Browser clients (Lock, auth0.js)';

const INTERNAL = errorResponses(['server_error']);

const SCRIPT = (description: string, example: string): ResponseObject => ({
  description,
  content: { 'application/javascript': { schema: { type: 'string' }, examples: { default: { value: example } } } },
});

const LOGOUT: OperationObject = {
  operationId: 'logout',
  summary: 'Log out and return to the app',
  tags: [TAG],
  description:
    'A browser navigation (auth0.js `logout`). oauth-ro keeps no browser session, so there is nothing to end. With `returnTo`: a redirect to it when it is one of the `client_id`’s `allowed_logout_urls` (query string and fragment are not compared), else 400. Without `returnTo`: a plain page.',
  parameters: [
    { name: 'returnTo', in: 'query', description: 'Where to send the browser; must be one of the client’s `allowed_logout_urls`.', schema: { type: 'string' } },
    { name: 'client_id', in: 'query', description: 'The client whose `allowed_logout_urls` list `returnTo` (required with it).', schema: { type: 'string' } },
    { name: 'federated', in: 'query', description: 'Accepted and ignored (no upstream session to end).', schema: { type: 'string' } },
  ],
  responses: {
    '200': { description: 'A plain “you are logged out” page (no `returnTo`).', content: { 'text/html': { schema: { type: 'string' } } } },
    '302': {
      description: 'To `returnTo`.',
      headers: { Location: { description: '`returnTo`, as the URL parser normalised it.', required: true, schema: { type: 'string' } } },
    },
    ...errorResponses([
      { code: 'invalid_request', when: '`returnTo` without `client_id`, or not one of its `allowed_logout_urls`', example: "returnTo is not one of the client's allowed_logout_urls" },
      { code: 'invalid_parameter', when: 'a parameter over 2048 characters', example: 'returnTo and client_id must be at most 2048 characters' },
      'server_error',
    ]),
  },
};

/** The routes only browser clients call: Lock's client script, SSO data, geolocation, logout. */
export const BROWSER_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/client/{id}': {
    get: {
      operationId: 'clientScript',
      summary: 'Client settings for Lock 10 (`/client/{client_id}.js`)',
      tags: [TAG],
      description:
        'The path’s last segment is `{client_id}.js`; Lock appends `?t<timestamp>`, which is ignored. A script calling `Auth0.setClient({…})` with `id` (the client_id), `tenant`, `subscription` and `strategies[]` (`name`, `connections[]`): database connections with `showSignup`, `showForgot`, `passwordPolicy`, `requires_username` and `validation.username`; directory connections with `domain` and `domain_aliases`. Only connections enabled for the client.',
      parameters: [{ name: 'id', in: 'path', required: true, description: '`{client_id}.js`.', schema: { type: 'string', pattern: '\\.js$' } }],
      responses: {
        '200': SCRIPT(
          'The script.',
          'Auth0.setClient({"id":"spa","tenant":"auth","subscription":"self-hosted","strategies":[{"name":"auth0","connections":[{"name":"Username-Password-Authentication","showSignup":true,"showForgot":true,"passwordPolicy":"fair","requires_username":false}]}]});',
        ),
        ...errorResponses([{ code: 'not_found', when: 'no such client, or the name does not end with `.js`', example: 'unknown client' }, ...PATH_ERRORS, 'server_error']),
      },
    },
  },
  '/user/ssodata': {
    get: {
      operationId: 'ssoData',
      summary: 'Single sign-on data (always none)',
      tags: [TAG],
      description: 'Lock and auth0.js `getSSOData`, sent with credentials. oauth-ro keeps no browser session: always `{"sso": false}`. `ldaps` and `client_id` are accepted and ignored.',
      responses: {
        '200': {
          description: 'No SSO session.',
          content: {
            'application/json': {
              schema: { type: 'object', required: ['sso'], properties: { sso: { const: false } }, additionalProperties: false },
              examples: { default: { value: { sso: false } } },
            },
          },
        },
        ...INTERNAL,
      },
    },
  },
  '/user/geoloc/country': {
    get: {
      operationId: 'geolocCountry',
      summary: 'The caller’s country (Lock’s phone number field)',
      tags: [TAG],
      description: 'The country code a trusted proxy header names (when one is configured and set), else the configured default (`US` unless configured).',
      responses: {
        '200': {
          description: 'ISO 3166-1 alpha-2 code.',
          content: {
            'application/json': {
              schema: { type: 'object', required: ['country_code'], properties: { country_code: { type: 'string', pattern: '^[A-Z]{2}$' } }, additionalProperties: false },
              examples: { default: { value: { country_code: 'US' } } },
            },
          },
        },
        ...INTERNAL,
      },
    },
  },
  '/logout': { get: LOGOUT },
  '/v2/logout': { get: { ...LOGOUT, operationId: 'logoutV2', summary: 'Log out and return to the app (v2 path)' } },
};

const CORS_HEADER = (description: string): HeaderObject => ({ description, schema: { type: 'string' } });

/** The preflight operation every browser route answers. */
function preflight(path: string): OperationObject {
  return {
    operationId: `preflight${path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: 'CORS preflight',
    tags: [TAG],
    description:
      'Granted (the `Access-Control-*` headers present) when some client lists the `Origin` in `allowed_origins`, `web_origins` or as the origin of one of its `callbacks`; otherwise answered without them. The actual request is then granted only for the origins of the client it names (`client_id` in the query or body, or its token’s client).',
    responses: {
      '204': {
        description: 'The preflight answer.',
        headers: {
          'Access-Control-Allow-Origin': CORS_HEADER('The request’s `Origin`, never `*`.'),
          'Access-Control-Allow-Credentials': CORS_HEADER('`true`.'),
          'Access-Control-Allow-Methods': CORS_HEADER('The route’s methods.'),
          'Access-Control-Allow-Headers': CORS_HEADER(`\`${CORS_ALLOWED_HEADERS}\`.`),
          'Access-Control-Max-Age': CORS_HEADER('`7200`.'),
          Vary: CORS_HEADER('`Origin`.'),
        },
      },
    },
  };
}

/**
 * Adds the CORS preflight (`options`) to every browser route of a set of paths.
 *
 * @example withPreflight(paths)['/oauth/ro'].options.responses['204'];
 */
export function withPreflight(paths: Readonly<Record<string, PathItemObject>>): Record<string, PathItemObject> {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [path, BROWSER_ROUTES.has(path) ? { ...item, options: preflight(path) } : item]),
  );
}
