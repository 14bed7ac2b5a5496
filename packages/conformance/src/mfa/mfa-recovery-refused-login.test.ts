import { oauthError, type LoginHooks } from '@oauth-ro/core';
import { err, ok } from '@oauth-ro/core/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mfaConfig, mfaLogin, newEnrolledUser, steppingClock } from '../conformance/mfa-fixtures.js';
import { useMountedApp } from '../conformance/use-mounted-app.js';
import { fetchHarness } from '../harness/index.js';

describe('a recovery code spent on a login a Rule then refuses', () => {
  const clock = steppingClock();
  let refuse = false;
  const hooks: LoginHooks = { postLogin: async () => (refuse ? err(oauthError('unauthorized', 'denied by a rule')) : ok({})) };
  const ctx = useMountedApp(fetchHarness, { config: mfaConfig(), clock, hooks });
  beforeAll(() => {
    refuse = false;
  });
  afterAll(() => {
    refuse = false;
  });

  it('is given back: the refused login issues no new code, and the old one still works once', async () => {
    const user = await newEnrolledUser(ctx.current, clock);
    refuse = true;
    const refused = await mfaLogin(ctx.current, { username: user.email, mfa_code: user.recovery_code });
    expect([refused.status, refused.json]).toEqual([401, { error: 'unauthorized', error_description: 'denied by a rule' }]);
    refuse = false;
    const used = await mfaLogin(ctx.current, { username: user.email, mfa_code: user.recovery_code });
    expect(used.status, used.text).toBe(200);
    expect(used.json.recovery_code).toMatch(/^[A-Z0-9]{24}$/);
    expect((await mfaLogin(ctx.current, { username: user.email, mfa_code: user.recovery_code })).json.error).toBe('a0.mfa_invalid_code');
  });
});
