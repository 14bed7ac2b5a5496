import { describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN, TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

const WRONG = 'Wrong-Password-1';
const BURST = 150;
const burst = <T>(make: (i: number) => Promise<T>) => Promise.all(Array.from({ length: BURST }, (_, i) => make(i)));
const count = (statuses: readonly number[], status: number) => statuses.filter((s) => s === status).length;

/**
 * Issue #14 (4, 5, 12): the per-IP and per-user login limits hold under parallel bursts, never
 * refuse a login merely because others are in flight, and count one user once whatever identifier
 * was typed.
 */
export function loginLimitsSuite(harness: AdapterHarness): void {
  describe('login limits under parallel bursts', () => {
    describe('per IP', () => {
      const ctx = useMountedApp(harness, { ipLimits: { failedLoginsPerIp: 20 } });

      it(`judges exactly the per-IP limit of ${BURST} parallel wrong logins for different users, refusing the rest 429`, async () => {
        const results = await burst(() => ctx.current.login({ username: uniqueEmail('spray'), password: WRONG }));
        const statuses = results.map((r) => r.status);
        expect({ judged: count(statuses, 401), refused: count(statuses, 429), other: statuses.filter((s) => s !== 401 && s !== 429) }).toEqual({
          judged: 20,
          refused: BURST - 20,
          other: [],
        });
        expect(results.find((r) => r.status === 429)!.json.error).toBe('too_many_requests');
      });
    });

    describe('per user', () => {
      const ctx = useMountedApp(harness);

      it(`answers ${BURST} parallel right-password logins of one account from one address with 200, none 429`, async () => {
        const email = uniqueEmail('service');
        expect((await ctx.current.signup(email, GOOD_PASSWORD)).status).toBe(200);
        const results = await burst(() => ctx.current.login({ username: email, password: GOOD_PASSWORD }));
        const statuses = results.map((r) => r.status);
        expect({ ok: count(statuses, 200), other: statuses.filter((s) => s !== 200) }).toEqual({ ok: BURST, other: [] });
      });

      it(`judges exactly 10 of ${BURST} parallel wrong guesses at one account mixed with its right password, and blocks after`, async () => {
        const email = uniqueEmail('target');
        await ctx.current.signup(email, GOOD_PASSWORD);
        const results = await burst(() => ctx.current.login({ username: email, password: WRONG }));
        const statuses = results.map((r) => r.status);
        expect({ judged: count(statuses, 401), refused: count(statuses, 429) }).toEqual({ judged: 10, refused: BURST - 10 });
        expect((await ctx.current.login({ username: email, password: GOOD_PASSWORD })).status).toBe(429);
      });

      it('counts a user with an email and a username once, whichever was typed', async () => {
        const email = uniqueEmail('both');
        const username = `u${Math.random().toString(36).slice(2, 10)}`;
        const login = (who: string, password: string) =>
          ctx.current.app.dispatch({
            method: 'POST',
            path: '/oauth/ro',
            json: { client_id: TEST_CLIENTS.rs256, connection: 'db-with-username', grant_type: 'password', username: who, password },
          });
        const signup = await ctx.current.app.dispatch({
          method: 'POST',
          path: '/dbconnections/signup',
          json: { client_id: TEST_CLIENTS.rs256, connection: 'db-with-username', email, username, password: GOOD_PASSWORD },
        });
        expect(signup.status).toBe(200);
        for (let i = 0; i < 5; i++) expect((await login(email.toUpperCase(), WRONG)).status).toBe(401);
        for (let i = 0; i < 5; i++) expect((await login(username, WRONG)).status).toBe(401);
        expect((await login(username, GOOD_PASSWORD)).status).toBe(429);
        expect((await login(email, GOOD_PASSWORD)).status).toBe(429);

        // The admin API finds and releases the block by either identifier.
        const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
        const listed = await ctx.current.app.dispatch({ method: 'GET', path: `/api/v2/user-blocks?identifier=${username}`, headers: auth });
        expect(listed.json).toEqual({ blocked_for: [{ identifier: email, ip: expect.any(String), connection: 'db-with-username' }] });
        const released = await ctx.current.app.dispatch({ method: 'DELETE', path: `/api/v2/user-blocks?identifier=${username}`, headers: auth });
        expect(released.status).toBe(204);
        expect((await login(username, GOOD_PASSWORD)).status).toBe(200);
      });
    });
  });
}
