import { createHash } from 'node:crypto';
import type { Clock } from '@oauth-ro/core';
import { TEST_CLIENTS, testConfig } from '../fixtures/test-config.js';
import type { TestResponse } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, type AppUnderTest } from './use-mounted-app.js';

/** The grant type of a Touch ID login and of a delegation call (docs/spec.md §1). */
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** The connection the token-lifecycle suites sign users up to; enabled for every client below. */
export const LIFECYCLE_CONNECTION = 'db-lifecycle';

/** Clients with the lifecycle options the suites exercise. */
export const LIFECYCLE_CLIENTS = {
  /** Confidential (has a secret, default auth method), non-rotating. */
  confidential: TEST_CLIENTS.rs256,
  /** Public, rotating, 10 s leeway, 1 h absolute lifetime. */
  rotating: 'app-rotating',
  /** Public, non-rotating: a mobile app with no secret. */
  public: 'app-public',
  es256: 'app-es256',
  eddsa: 'app-eddsa',
  /** Public, rotating, 1 h absolute lifetime, {@link IDLE_LIFETIME_S} idle lifetime. */
  idleRotating: 'app-idle-rotating',
  /** Public, non-rotating, non-expiring, but {@link IDLE_LIFETIME_S} idle lifetime. */
  idle: 'app-idle',
} as const;

/** The RS256 test client's secret (see test-config). */
export const CONFIDENTIAL_SECRET = 'rs256-client-secret-value';
export const ROTATION_LEEWAY_S = 10;
export const ROTATING_LIFETIME_S = 3600;
export const IDLE_LIFETIME_S = 60;

/** The test configuration plus the lifecycle clients and connection. */
export function lifecycleConfig() {
  const c = LIFECYCLE_CLIENTS;
  return testConfig({
    clients: [
      {
        client_id: c.rotating,
        token_endpoint_auth_method: 'none',
        refresh_token: { rotation_type: 'rotating', leeway: ROTATION_LEEWAY_S, token_lifetime: ROTATING_LIFETIME_S },
      },
      { client_id: c.public },
      {
        client_id: c.idleRotating,
        token_endpoint_auth_method: 'none',
        refresh_token: { rotation_type: 'rotating', leeway: ROTATION_LEEWAY_S, token_lifetime: ROTATING_LIFETIME_S, idle_token_lifetime: IDLE_LIFETIME_S },
      },
      {
        client_id: c.idle,
        refresh_token: { rotation_type: 'non-rotating', expiration_type: 'non-expiring', idle_token_lifetime: IDLE_LIFETIME_S, infinite_idle_token_lifetime: false },
      },
      // The one target other clients may delegate to (allowed_clients); every other client only to itself.
      { client_id: c.es256, jwt_configuration: { alg: 'ES256', lifetime_in_seconds: 600 }, allowed_clients: [c.public] },
      { client_id: c.eddsa, jwt_configuration: { alg: 'EdDSA', lifetime_in_seconds: 600 } },
    ],
    connections: [
      { name: LIFECYCLE_CONNECTION, strategy: 'auth0', enabled_clients: Object.values(c), options: {} },
    ],
  });
}

/** A clock a suite can move forward. */
export function movableClock(): { clock: Clock; advance(ms: number): void; reset(): void } {
  let offset = 0;
  return {
    clock: { now: () => Date.now() + offset },
    advance: (ms) => void (offset += ms),
    reset: () => void (offset = 0),
  };
}

/** Hex SHA-256, as the stores key refresh tokens. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Signs a new user up on the lifecycle connection; returns the email and user id. */
export async function newLifecycleUser(app: AppUnderTest): Promise<{ email: string; user_id: string }> {
  const email = uniqueEmail('lifecycle');
  const res = await app.app.dispatch({
    method: 'POST',
    path: '/dbconnections/signup',
    json: { client_id: TEST_CLIENTS.rs256, connection: LIFECYCLE_CONNECTION, email, password: GOOD_PASSWORD },
  });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.text}`);
  return { email, user_id: `auth0|${res.json._id as string}` };
}

/** Password login on the lifecycle connection. */
export function lifecycleLogin(app: AppUnderTest, params: Record<string, unknown>): Promise<TestResponse> {
  return app.login({ connection: LIFECYCLE_CONNECTION, password: GOOD_PASSWORD, ...params });
}
