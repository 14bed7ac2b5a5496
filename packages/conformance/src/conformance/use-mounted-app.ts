import { afterAll, beforeAll } from 'vitest';
import { createTestOAuthRo, type TestOAuthRo, type TestOAuthRoOptions } from '../fixtures/create-test-oauth-ro.js';
import { DB_CONNECTION, TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness, MountedApp, TestResponse } from '../harness/types.js';

/** A mounted app plus shortcuts the suites share. */
export interface AppUnderTest extends TestOAuthRo {
  readonly app: MountedApp;
  signup(email: string, password: string, extra?: Record<string, unknown>): Promise<TestResponse>;
  login(params: Record<string, unknown>): Promise<TestResponse>;
}

/**
 * Mounts a fresh oauth-ro (memory stores) in the harness's framework before the suite's tests, and
 * closes it after. Read `.current` inside tests.
 *
 * @example const ctx = useMountedApp(harness); it('…', async () => { await ctx.current.login({...}) });
 */
export function useMountedApp(harness: AdapterHarness, options: TestOAuthRoOptions = {}): { current: AppUnderTest } {
  const holder = {} as { current: AppUnderTest };
  beforeAll(async () => {
    const test = await createTestOAuthRo(options);
    const app = await harness.mount(test.oauthRo);
    holder.current = {
      ...test,
      app,
      signup: (email, password, extra = {}) =>
        app.dispatch({
          method: 'POST',
          path: '/dbconnections/signup',
          json: { client_id: TEST_CLIENTS.rs256, connection: DB_CONNECTION, email, password, ...extra },
        }),
      login: (params) =>
        app.dispatch({
          method: 'POST',
          path: '/oauth/ro',
          json: { client_id: TEST_CLIENTS.rs256, connection: DB_CONNECTION, grant_type: 'password', ...params },
        }),
    };
  });
  afterAll(async () => {
    await holder.current?.app.close();
    await holder.current?.oauthRo.close();
  });
  return holder;
}

/** A fresh unique email per call, so tests never collide. */
let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

let phoneCounter = Math.floor(Math.random() * 9_000_000);
/** A fresh North-American number in the 555 range per call (E.164), never the same twice in a process. */
export function uniquePhone(): string {
  phoneCounter = (phoneCounter + 1) % 10_000_000;
  return `+1555${String(phoneCounter).padStart(7, '0')}`;
}

/** A password that satisfies the default `fair` policy. */
export const GOOD_PASSWORD = 'Correct-Horse-9';
