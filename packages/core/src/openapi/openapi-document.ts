import { BODY_ERRORS, errorResponses, HEADER_ERRORS } from './error-responses.js';
import { ADMIN_PATHS, ADMIN_SCHEMAS } from './paths/admin.js';
import { BROWSER_PATHS, withPreflight } from './paths/browser.js';
import { DEVICE_CREDENTIAL_PATHS } from './paths/device-credentials.js';
import { discoveryPaths } from './paths/discovery.js';
import { HEALTH_PROBE_PATHS, PROBE_SCHEMAS } from './paths/health-probes.js';
import { LOGIN_PATHS } from './paths/login.js';
import { PROFILE_PATHS } from './paths/profile.js';
import { SIGNUP_PATHS } from './paths/signup.js';
import { PASSWORDLESS_PATHS } from './paths/passwordless.js';
import { STANDALONE_PATHS } from './paths/standalone.js';
import { TOKEN_PATHS } from './paths/tokens.js';
import { SOCIAL_PATHS } from './paths/social.js';
import { COMPONENT_SCHEMAS } from './schemas.js';
import { AUTH0_ERROR_SCHEMA } from './auth0-errors.js';
import { ACCOUNT_PATHS, ACCOUNT_SCHEMAS } from './paths/accounts.js';
import { GUARDIAN_PATHS, GUARDIAN_SCHEMAS } from './paths/guardian.js';
import type { OpenApiDocument, PathItemObject } from './types.js';

/** Every operation also answers 431 to an oversized `Authorization` or `Content-Type` (checked before routing). */
function withHeaderLimits(paths: Readonly<Record<string, PathItemObject>>): Record<string, PathItemObject> {
  const tooLarge = errorResponses(HEADER_ERRORS);
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => [
      path,
      Object.fromEntries(Object.entries(item).map(([method, op]) => [method, { ...op, responses: { ...op.responses, ...tooLarge } }])),
    ]),
  );
}

/** Options of {@link openApiDocument}. */
export interface OpenApiDocumentOptions {
  /** The issuer (base URL) the server answers at, e.g. `https://auth.example.com/`. */
  readonly issuer: string;
  /** Also the standalone server's own routes: `/openapi.json`, `/docs` and the readiness probe `GET /health?ready`. */
  readonly standalone?: boolean;
}

const DESCRIPTION = [
  'Auth0’s legacy Authentication API (`POST /oauth/ro` and its companions), self-hosted.',
  '',
  'Request bodies are accepted as `application/json` and as `application/x-www-form-urlencoded` (16 KiB at most). Every error is `{"error": "…", "error_description": "…"}` with the status listed under each operation; no error carries a stack trace.',
  '',
  'Browsers: every route a browser calls answers a CORS preflight (`OPTIONS`) and grants the origins its clients list (`allowed_origins`, `web_origins`, the origins of `callbacks`): `Access-Control-Allow-Origin` is the request’s `Origin` (never `*`) with `Access-Control-Allow-Credentials: true`, and every answer there carries `Vary: Origin`. An actual request is granted for the origins of the client it names (`client_id` in the query or body, HTTP Basic, or the client its bearer token or `id_token` was issued to); naming none, for any client’s.',
  '',
  'Any method an operation is not listed for, on a path listed here, answers 405 (`MethodNotAllowed`); HEAD is answered like GET, without a body. A request body that cannot be read answers 400, 413 or 415 (`InvalidBody`, `BodyTooLarge`, `UnsupportedMediaType`) whatever the method: the adapter or the host app’s own body parser may read it before the route runs. An `Authorization` or `Content-Type` header over 8 KiB answers 431 (`HeaderTooLarge`) on any path and method.',
].join('\n');

/**
 * The OpenAPI 3.1 description of every endpoint oauth-ro answers (docs/spec.md §3), as a plain object for
 * a server to serve as JSON or render, and for tests to check real responses against. Built fresh
 * per call; pure, so it runs wherever core runs.
 *
 * @example
 * const doc = openApiDocument({ issuer: 'https://auth.example.com/' });
 * app.get('/openapi.json', (_req, res) => res.json(doc));
 */
export function openApiDocument(options: OpenApiDocumentOptions): OpenApiDocument {
  const standalone = options.standalone === true;
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'oauth-ro',
      version: '0.1.0',
      description: DESCRIPTION,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: options.issuer.replace(/\/+$/, '') }],
    tags: [
      { name: 'Login', description: 'The resource-owner endpoint.' },
      { name: 'Sign-up and passwordless', description: 'Creating database users; sending passwordless codes.' },
      { name: 'Profile', description: 'Who a token belongs to.' },
      { name: 'Tokens', description: 'Refreshing, delegating and revoking.' },
      { name: 'Device credentials (Touch ID)', description: 'Device keys for the jwt-bearer grant, and refresh-token devices.' },
      { name: 'Administration', description: 'Blocks and users, with the admin token (the routes answer 404 unless one is configured).' },
      { name: 'Discovery and operations', description: 'Keys, metadata, health and metrics.' },
      { name: 'Browser clients (Lock, auth0.js)', description: 'What Lock and auth0.js load or navigate to, and the CORS preflight of every route a browser calls.' },
    ],
    paths: withHeaderLimits(withPreflight({
      ...LOGIN_PATHS,
      ...SIGNUP_PATHS,
      ...PASSWORDLESS_PATHS,
      ...PROFILE_PATHS,
      ...TOKEN_PATHS,
      ...SOCIAL_PATHS,
      ...DEVICE_CREDENTIAL_PATHS,
      ...ADMIN_PATHS,
      ...ACCOUNT_PATHS,
      ...GUARDIAN_PATHS,
      ...discoveryPaths(options.issuer, standalone),
      ...BROWSER_PATHS,
      ...HEALTH_PROBE_PATHS,
      ...(standalone ? STANDALONE_PATHS : {}),
    })),
    components: {
      schemas: { ...COMPONENT_SCHEMAS, ...ADMIN_SCHEMAS, Auth0Error: AUTH0_ERROR_SCHEMA, ...ACCOUNT_SCHEMAS, ...GUARDIAN_SCHEMAS, ...PROBE_SCHEMAS },
      responses: {
        MethodNotAllowed: errorResponses(['method_not_allowed'])['405']!,
        InvalidBody: errorResponses(BODY_ERRORS)['400']!,
        BodyTooLarge: errorResponses(BODY_ERRORS)['413']!,
        UnsupportedMediaType: errorResponses(BODY_ERRORS)['415']!,
        HeaderTooLarge: errorResponses(HEADER_ERRORS)['431']!,
      },
      securitySchemes: {
        accessToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The user’s `access_token` from `/oauth/ro` (audience `{issuer}userinfo`). An id_token is refused.',
        },
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The admin token the server was configured with (at least 32 characters). Without one, the admin routes answer 404.',
        },
        clientSecretBasic: {
          type: 'http',
          scheme: 'basic',
          description: '`client_id:client_secret`, as an alternative to sending them in the body.',
        },
      },
    },
  };
}
