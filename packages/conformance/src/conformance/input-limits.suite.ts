import { describe, expect, it } from 'vitest';
import { TEST_CLIENTS } from '../fixtures/index.js';
import type { AdapterHarness, TestResponse } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

const ERROR_SHAPE = { error: expect.any(String), error_description: expect.any(String) };

/** The full-width twin of an ASCII string (U+FF01…U+FF5E), which NFKC folds back. */
function fullWidth(ascii: string): string {
  return ascii.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

function expectRefused(res: TestResponse, status: number, description: string | RegExp): void {
  expect(res.status, res.text).toBe(status);
  expect(res.json).toEqual(ERROR_SHAPE);
  expect(res.json.error_description).toMatch(description);
}

/**
 * Input limits every adapter shares: headers core reads, parameter lengths, body size, and Unicode
 * normalisation of identifiers (NFKC, case and surrounding space do not make a second account).
 */
export function inputLimitsSuite(harness: AdapterHarness): void {
  describe('input limits', () => {
    const ctx = useMountedApp(harness);

    it('refuses a bearer token over 8 KiB with 431 before any token work', async () => {
      const res = await ctx.current.app.dispatch({ method: 'GET', path: '/userinfo', headers: { authorization: `Bearer ${'a'.repeat(9 * 1024)}` } });
      expectRefused(res, 431, 'authorization header too large');
    });

    it('refuses a Basic credential over 8 KiB with 431', async () => {
      const basic = `Basic ${btoa(`${TEST_CLIENTS.rs256}:${'s'.repeat(7 * 1024)}`)}`;
      const res = await ctx.current.app.dispatch({
        method: 'POST',
        path: '/oauth/token',
        headers: { authorization: basic },
        form: { grant_type: 'refresh_token', refresh_token: 'x' },
      });
      expectRefused(res, 431, 'authorization header too large');
    });

    it('answers a bearer token of ordinary length as usual (401, not 431)', async () => {
      const res = await ctx.current.app.dispatch({ method: 'GET', path: '/userinfo', headers: { authorization: `Bearer ${'a'.repeat(2048)}` } });
      expect(res.status).toBe(401);
    });

    it.each([
      ['username', { username: 'u'.repeat(2049), password: GOOD_PASSWORD }],
      ['password', { username: 'someone@example.com', password: 'p'.repeat(1025) }],
      ['scope', { username: 'someone@example.com', password: GOOD_PASSWORD, scope: 'openid '.repeat(400) }],
    ])('/oauth/ro: an over-long %s is 400 invalid_request', async (name, params) => {
      expectRefused(await ctx.current.login(params), 400, `${name} is too long`);
    });

    it('/oauth/ro: an over-long client_id is 400 invalid_request', async () => {
      const res = await ctx.current.app.dispatch({ method: 'POST', path: '/oauth/ro', json: { client_id: 'c'.repeat(2049), connection: 'x', username: 'a', password: 'b' } });
      expectRefused(res, 400, 'client_id is too long');
    });

    it('/dbconnections/signup: an over-long email is 400', async () => {
      const res = await ctx.current.signup(`${'e'.repeat(3000)}@example.com`, GOOD_PASSWORD);
      expect(res.status, res.text).toBe(400);
      expect(res.json).toEqual(ERROR_SHAPE);
    });

    it('a body just over 16 KiB is 413; one just under is read', async () => {
      const body = (size: number) => {
        const base = JSON.stringify({ client_id: TEST_CLIENTS.rs256, connection: 'nope', username: 'a', password: 'b', pad: '' });
        return JSON.stringify({ client_id: TEST_CLIENTS.rs256, connection: 'nope', username: 'a', password: 'b', pad: 'x'.repeat(size - base.length) });
      };
      const over = await ctx.current.app.dispatch({ method: 'POST', path: '/oauth/ro', headers: { 'content-type': 'application/json' }, body: body(16 * 1024 + 1) });
      expectRefused(over, 413, /too large/);
      const under = await ctx.current.app.dispatch({ method: 'POST', path: '/oauth/ro', headers: { 'content-type': 'application/json' }, body: body(16 * 1024 - 64) });
      expect(under.status, under.text).toBe(400);
      expect(under.json.error_description).toBe('the connection was not found');
    });

    it('identifiers are NFKC-normalised: a full-width, upper-case, padded email is the same account', async () => {
      const email = uniqueEmail('nfkc');
      expect((await ctx.current.signup(fullWidth(email.toUpperCase()), GOOD_PASSWORD)).status).toBe(200);
      expect((await ctx.current.login({ username: email, password: GOOD_PASSWORD })).status).toBe(200);
      expect((await ctx.current.login({ username: ` ${fullWidth(email)} `, password: GOOD_PASSWORD })).status).toBe(200);
      const again = await ctx.current.signup(email, GOOD_PASSWORD);
      expect(again.status, 'the ASCII twin must not become a second account').toBe(400);
    });
  });
}
