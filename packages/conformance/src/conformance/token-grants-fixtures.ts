import { SMS_CONNECTION, TEST_CLIENTS, testConfig } from '../fixtures/test-config.js';
import type { TestResponse } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, type AppUnderTest } from './use-mounted-app.js';

/** Auth0's grant type names, as clients send them. */
export const GRANTS = {
  passwordRealm: 'http://auth0.com/oauth/grant-type/password-realm',
  otp: 'http://auth0.com/oauth/grant-type/passwordless/otp',
  legacyRo: 'http://auth0.com/oauth/legacy/grant-type/ro',
  legacyDelegationRefresh: 'http://auth0.com/oauth/legacy/grant-type/delegation/refresh_token',
} as const;

/** The connection of the token-grant suites; the tenant's `default_directory`. */
export const GRANTS_CONNECTION = 'db-grants';

/** Clients of the token-grant suites. */
export const GRANT_CLIENTS = {
  /** Confidential (`client_secret_post` by default), no `grant_types`: every grant but client_credentials. */
  confidential: TEST_CLIENTS.rs256,
  /** A single-page app: public (`none`), no `grant_types`. */
  spa: 'app-spa',
  /** A new native app: `grant_types` password-realm and refresh_token only (no legacy endpoints). */
  modern: 'app-modern',
  /** A backend: `client_secret_basic`, no `grant_types`, a client grant to the notes API. */
  backend: 'app-backend',
  /** `grant_types: [client_credentials]` but no client grant. */
  ungranted: 'app-ungranted',
} as const;

export const MODERN_SECRET = 'modern-app-secret-0123456789';
export const BACKEND_SECRET = 'backend-secret-0123456789abcdef';
export const CONFIDENTIAL_SECRET = 'rs256-client-secret-value';

/** The notes API: two scopes, offline access, 2 h tokens. */
export const NOTES_API = 'https://api.notes.example/';
/** An API without offline access. */
export const ONLINE_API = 'https://api.online-only.example/';

/** The test configuration plus the grant clients, the tenant's default directory, two APIs and a client grant. */
export function grantsConfig(options: { defaultDirectory?: boolean } = {}) {
  const c = GRANT_CLIENTS;
  const base = testConfig({
    clients: [
      { client_id: c.spa, token_endpoint_auth_method: 'none' },
      { client_id: c.modern, client_secret: MODERN_SECRET, grant_types: [GRANTS.passwordRealm, 'refresh_token'] },
      { client_id: c.backend, client_secret: BACKEND_SECRET, token_endpoint_auth_method: 'client_secret_basic' },
      { client_id: c.ungranted, client_secret: BACKEND_SECRET, grant_types: ['client_credentials'] },
    ],
    connections: [
      { name: GRANTS_CONNECTION, strategy: 'auth0', enabled_clients: [c.confidential, c.spa, c.modern], options: { brute_force_protection: true } },
    ],
  });
  return {
    ...base,
    ...(options.defaultDirectory === false ? {} : { tenant: { default_directory: GRANTS_CONNECTION } }),
    resource_servers: [
      {
        identifier: NOTES_API,
        name: 'Notes',
        signing_alg: 'RS256',
        scopes: [{ value: 'read:notes', description: 'Read notes' }, { value: 'write:notes' }],
        token_lifetime: 7200,
        allow_offline_access: true,
      },
      { identifier: ONLINE_API, scopes: [{ value: 'read:stuff' }] },
    ],
    client_grants: [
      { client_id: c.backend, audience: NOTES_API, scope: ['read:notes', 'write:notes'] },
      { client_id: c.spa, audience: NOTES_API, scope: ['read:notes'] },
    ],
  };
}

/** `Authorization: Basic` for a client. */
export function basicAuth(client_id: string, secret: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${encodeURIComponent(client_id)}:${encodeURIComponent(secret)}`).toString('base64')}` };
}

/** Signs a new user up on the grants connection; returns the email and user id. */
export async function newGrantsUser(app: AppUnderTest): Promise<{ email: string; user_id: string }> {
  const email = uniqueEmail('grants');
  const res = await app.app.dispatch({
    method: 'POST',
    path: '/dbconnections/signup',
    json: { client_id: GRANT_CLIENTS.confidential, connection: GRANTS_CONNECTION, email, password: GOOD_PASSWORD },
  });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.text}`);
  return { email, user_id: `auth0|${res.json._id as string}` };
}

/** `POST /oauth/token` with a JSON body (and optional headers). */
export function tokenRequest(app: AppUnderTest, json: Record<string, unknown>, headers?: Record<string, string>): Promise<TestResponse> {
  return app.app.dispatch({ method: 'POST', path: '/oauth/token', json, ...(headers ? { headers } : {}) });
}

export { SMS_CONNECTION };
