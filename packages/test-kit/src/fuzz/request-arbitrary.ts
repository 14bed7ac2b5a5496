import fc from 'fast-check';
import { DB_CONNECTION, TEST_CLIENTS } from '@oauth-ro/conformance';
import type { TestRequest } from '@oauth-ro/conformance';
import { hostileText } from './hostile-text.js';

const PATHS = [
  '/oauth/ro', '/dbconnections/signup', '/passwordless/start', '/tokeninfo', '/userinfo', '/delegation',
  '/oauth/token', '/oauth/revoke', '/api/v2/device-credentials', '/api/v2/device-credentials/x',
  '/.well-known/jwks.json', '/.well-known/openid-configuration', '/health',
  '/passwordless/verify', '/passwordless/verify_redirect',
  '/passwordless/verify_redirect?client_id=app-rs256&redirect_uri=https%3A%2F%2Fevil.example%2F&response_type=code&state=%00',
];
const PARAM_NAMES = [
  'client_id', 'connection', 'grant_type', 'username', 'password', 'scope', 'id_token', 'device',
  'email', 'user_metadata', 'phone_number', 'send', 'refresh_token', 'target', 'api_type', 'token',
  'client_secret', 'device_name', 'type', 'value', 'device_id', 'authParams', '__proto__', 'constructor', 'toString',
  'verification_code', 'redirect_uri', 'response_type', 'state', 'nonce',
];

/** Values that are plausible, hostile or of the wrong type. */
const value = fc.oneof(
  fc.constantFrom(TEST_CLIENTS.rs256, TEST_CLIENTS.hs256, DB_CONNECTION, 'password', 'openid email', 'a@example.com', '', ' '),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  hostileText,
  fc.dictionary(hostileText, hostileText, { maxKeys: 2 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

const params = fc.dictionary(fc.constantFrom(...PARAM_NAMES), value, { maxKeys: 8 });

const body: fc.Arbitrary<Pick<TestRequest, 'json' | 'form' | 'body' | 'headers'>> = fc.oneof(
  params.map((json) => ({ json })),
  params.map((p) => ({ form: Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])) })),
  fc.record({
    body: fc.string({ maxLength: 200 }),
    headers: fc.record({
      'content-type': fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/xml', 'multipart/form-data', ''),
    }),
  }),
);

/**
 * Generated requests to every endpoint: hostile parameter names and values, wrong types, broken
 * bodies, odd content types, bearer headers.
 */
export const requestArbitrary: fc.Arbitrary<TestRequest> = fc
  .tuple(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'), fc.constantFrom(...PATHS), body, fc.option(fc.string({ maxLength: 60 }), { nil: undefined }))
  .map(([method, path, b, bearer]) => ({
    method,
    path,
    ...b,
    headers: { ...(b.headers ?? {}), ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }) },
    // GET requests carry no body.
    ...(method === 'GET' ? { json: undefined, form: undefined, body: undefined } : {}),
  }));
