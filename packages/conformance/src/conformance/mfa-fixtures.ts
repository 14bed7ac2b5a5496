import { systemClock, type Clock } from '@oauth-ro/core';
import { base32Decode, totpCode, totpStep } from '@oauth-ro/core/internal';
import { TEST_CLIENTS, testConfig } from '../fixtures/test-config.js';
import type { TestResponse } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, type AppUnderTest } from './use-mounted-app.js';

/** A database connection with MFA and enrolment at login (`return_enroll_settings`). */
export const MFA_CONNECTION = 'db-mfa';
/** MFA without enrolment at login: users not enrolled are refused. */
export const MFA_STRICT_CONNECTION = 'db-mfa-strict';
export const MFA_CLIENTS = { app: TEST_CLIENTS.rs256, other: TEST_CLIENTS.hs256 } as const;
export const MFA_APP_SECRET = 'rs256-client-secret-value';

/** A clock the MFA suites move forward a TOTP step at a time. */
export interface SteppingClock extends Clock {
  /** Moves the clock `ms` forward. */
  advance(ms: number): void;
}

/** @example const clock = steppingClock(); clock.advance(30_000); */
export function steppingClock(): SteppingClock {
  let offset = 0;
  return { now: () => systemClock.now() + offset, advance: (ms) => void (offset += ms) };
}

/** The test configuration plus the two MFA connections. */
export function mfaConfig() {
  const clients = [TEST_CLIENTS.rs256, TEST_CLIENTS.hs256];
  return testConfig({
    connections: [
      { name: MFA_CONNECTION, strategy: 'auth0', enabled_clients: clients, options: { mfa: { active: true, return_enroll_settings: true } } },
      { name: MFA_STRICT_CONNECTION, strategy: 'auth0', enabled_clients: clients, options: { mfa: { active: true } } },
    ],
  });
}

/** The TOTP code of a base32 key at `at` (epoch ms). */
export function codeOf(key: string, at: number): Promise<string> {
  return totpCode(base32Decode(key)!, totpStep(at));
}

/** `/oauth/ro` on an MFA connection. */
export function mfaLogin(app: AppUnderTest, params: Record<string, unknown>, connection = MFA_CONNECTION): Promise<TestResponse> {
  return app.app.dispatch({ method: 'POST', path: '/oauth/ro', json: { client_id: MFA_CLIENTS.app, connection, grant_type: 'password', password: GOOD_PASSWORD, ...params } });
}

/** A user signed up on `connection`. */
export async function newMfaUser(app: AppUnderTest, connection = MFA_CONNECTION): Promise<{ email: string; user_id: string }> {
  const email = uniqueEmail('mfa');
  const res = await app.app.dispatch({ method: 'POST', path: '/dbconnections/signup', json: { client_id: MFA_CLIENTS.app, connection, email, password: GOOD_PASSWORD } });
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.text}`);
  return { email, user_id: `auth0|${res.json._id as string}` };
}

/**
 * A user enrolled through `/oauth/ro` itself (the enrolment settings, then a code of them), with the
 * clock moved to the next step so the enrolling code's step is behind.
 */
export async function newEnrolledUser(
  app: AppUnderTest,
  clock: SteppingClock,
  connection = MFA_CONNECTION,
): Promise<{ email: string; user_id: string; key: string; recovery_code: string }> {
  const user = await newMfaUser(app, connection);
  const settings = await mfaLogin(app, { username: user.email }, connection);
  const key = settings.json?.mfa_settings?.key as string | undefined;
  if (settings.status !== 401 || !key) throw new Error(`no enrolment settings: ${settings.status}`);
  const confirmed = await mfaLogin(app, { username: user.email, mfa_code: await codeOf(key, clock.now()) }, connection);
  if (confirmed.status !== 200) throw new Error(`enrolment failed: ${confirmed.status} ${confirmed.json?.error}`);
  clock.advance(30_000);
  return { ...user, key, recovery_code: confirmed.json.recovery_code as string };
}
