import { describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, TEST_CLIENTS, DB_CONNECTION } from '../fixtures/test-config.js';
import type { AdapterHarness, TestResponse } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

const WRONG_PASSWORD = 'Wrong-Password-1';

function expectInvalidRequest(res: TestResponse): void {
  expect({ status: res.status, error: res.json?.error }).toEqual({ status: 400, error: 'invalid_request' });
}

/**
 * Issue #14 (8, 10, 11): NUL, control characters and ill-formed Unicode are refused with 400 on every
 * route; identifiers with invisible or format characters are refused; identifier lengths are
 * measured after NFKC.
 */
export function unicodeInputSuite(harness: AdapterHarness): void {
  describe('hostile Unicode input', () => {
    const ctx = useMountedApp(harness);
    const signupRaw = (body: string) =>
      ctx.current.app.dispatch({ method: 'POST', path: '/dbconnections/signup', headers: { 'content-type': 'application/json' }, body });
    const loginRaw = (body: string) =>
      ctx.current.app.dispatch({ method: 'POST', path: '/oauth/ro', headers: { 'content-type': 'application/json' }, body });
    const base = `"client_id":"${TEST_CLIENTS.rs256}","connection":"${DB_CONNECTION}"`;

    it('refuses a NUL in username, email, password and user_metadata, in JSON and in forms', async () => {
      const email = uniqueEmail('nul');
      expectInvalidRequest(await ctx.current.login({ username: `${email}\u0000`, password: WRONG_PASSWORD }));
      expectInvalidRequest(await ctx.current.signup(`${email}\u0000`, GOOD_PASSWORD));
      expectInvalidRequest(await ctx.current.signup(email, `${GOOD_PASSWORD}\u0000`));
      expectInvalidRequest(await ctx.current.signup(email, GOOD_PASSWORD, { user_metadata: { note: 'a\u0000b' } }));
      expectInvalidRequest(await ctx.current.signup(email, GOOD_PASSWORD, { user_metadata: { ['k\u0000']: 'v' } }));
      expectInvalidRequest(
        await ctx.current.app.dispatch({
          method: 'POST',
          path: '/oauth/ro',
          form: { client_id: TEST_CLIENTS.rs256, connection: DB_CONNECTION, username: `${email}\u0000`, password: WRONG_PASSWORD },
        }),
      );
      // None of it made an account.
      expect((await ctx.current.signup(email, GOOD_PASSWORD)).status).toBe(200);
    });

    it('refuses lone UTF-16 surrogates (escaped in JSON) at sign-up and login, never a 5xx', async () => {
      expectInvalidRequest(await signupRaw(`{${base},"email":"a\\ud800b@example.com","password":"${GOOD_PASSWORD}"}`));
      expectInvalidRequest(await signupRaw(`{${base},"email":"${uniqueEmail()}","username":"x\\udc00","password":"${GOOD_PASSWORD}"}`));
      expectInvalidRequest(await loginRaw(`{${base},"username":"x\\ud800","password":"pw"}`));
      expectInvalidRequest(await loginRaw(`{${base},"username":"x","password":"\\udfff"}`));
    });

    it('refuses a NUL or control character in a path id without a 5xx', async () => {
      const res = await ctx.current.app.dispatch({
        method: 'GET',
        path: '/api/v2/users/auth0%7C%00abc',
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    });

    it('refuses invisible and format characters in identifiers: zero-width, bidi controls, soft hyphen', async () => {
      for (const trick of ['\u200B', '\u200D', '\u202E', '\u2066', '\u00AD', '\uFEFF', '\u3164']) {
        const [local, domain] = uniqueEmail('look').split('@');
        expectInvalidRequest(await ctx.current.signup(`${local!.slice(0, 3)}${trick}${local!.slice(3)}@${domain}`, GOOD_PASSWORD));
        expectInvalidRequest(await ctx.current.login({ username: `al${trick}ice@example.com`, password: WRONG_PASSWORD }));
      }
    });

    it('refuses a look-alike of an existing identifier (Unicode TS #39 skeleton) exactly as a taken one', async () => {
      const tag = Math.random().toString(36).slice(2, 8).replace(/[^a-z]/g, 'x');
      const email = `alice-${tag}@example.com`;
      expect((await ctx.current.signup(email, GOOD_PASSWORD)).status).toBe(200);
      const taken = await ctx.current.signup(email, GOOD_PASSWORD);
      for (const lookalike of [`\u0430lice-${tag}@example.com`, `a1ice-${tag}@example.com`, `ALICE-${tag}@EXAMPLE.COM`]) {
        const res = await ctx.current.signup(lookalike, GOOD_PASSWORD);
        expect({ status: res.status, json: res.json }).toEqual({ status: taken.status, json: taken.json });
      }
    });

    it('measures identifier length after NFKC: 2030 × U+FDFA is refused before any counting', async () => {
      const username = '\uFDFA'.repeat(2030);
      const res = await ctx.current.login({ username, password: WRONG_PASSWORD });
      expectInvalidRequest(res);
      expect(res.json.error_description).toBe('username is too long');
      const blocks = await ctx.current.app.dispatch({
        method: 'GET',
        path: `/api/v2/user-blocks?identifier=${encodeURIComponent('\uFDFA'.repeat(100))}`,
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      });
      expectInvalidRequest(blocks);
    });
  });
}
