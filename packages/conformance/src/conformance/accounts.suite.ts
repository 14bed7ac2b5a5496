import { describe, expect, it } from 'vitest';
import type { CapturingSender } from '../fixtures/capturing-sender.js';
import { createCapturingSender } from '../fixtures/capturing-sender.js';
import { DB_CONNECTION, TEST_ADMIN_TOKEN, TEST_CLIENTS, testConfig } from '../fixtures/test-config.js';
import type { AdapterHarness, TestResponse } from '../harness/types.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

const SENT = "We've just sent you an email to reset your password.";
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const NEW_PASSWORD = 'Brand-New-Horse-7';

/** The path and query of the newest link of `kind` emailed to `to` (the issuer stripped). */
function linkTo(sender: CapturingSender, to: string, kind: 'lo/reset' | 'api/v2/tickets/email-verification'): string | undefined {
  const message = [...sender.messages].reverse().find((m) => m.recipient === to && m.body.includes(kind));
  const url = message && new RegExp(`https://auth\\.test\\.example/(${kind.replace(/\//g, '\\/')}\\?ticket=[A-Za-z0-9_-]+)`).exec(message.body)?.[1];
  return url ? `/${url}` : undefined;
}

async function eventually<T>(read: () => T | undefined): Promise<T> {
  // Emails go out after the answer; on a busy machine that can take a moment.
  for (let i = 0; i < 500; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('nothing arrived within 10 s');
}

/** The cookie a response sets (supertest gives `set-cookie` as an array). */
const setCookieOf = (res: TestResponse): string => String([res.headers['set-cookie'] as string | string[] | undefined].flat()[0] ?? '');
const cookieOf = (res: TestResponse) => setCookieOf(res).split(';')[0]!;
const fieldOf = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];

/** Password reset, email verification and their admin API (docs/spec.d/accounts.md). */
export function accountsSuite(harness: AdapterHarness): void {
  describe('account flows: change_password, reset page, email verification', () => {
    const email = createCapturingSender();
    const config = {
      ...testConfig({
        clients: [{ client_id: 'app-crlf', name: 'Evil\r\nBcc: victim@example.com' }],
        connections: [{ name: 'db-crlf', strategy: 'auth0', enabled_clients: ['app-crlf'], options: { passwordPolicy: 'low' } }],
      }),
      email_templates: [{ template: 'reset_email', from: 'Accounts <accounts@example.com>', subject: 'Reset for {{ application.name }}', body: '<p>{{ user.email }}: <a href="{{ url }}">reset</a></p>' }],
    };
    const ctx = useMountedApp(harness, { config, senders: { email, sms: createCapturingSender() } });
    const dispatch = (request: Parameters<typeof ctx.current.app.dispatch>[0]) => ctx.current.app.dispatch(request);
    const changePassword = (body: Record<string, unknown>) =>
      dispatch({ method: 'POST', path: '/dbconnections/change_password', json: { client_id: TEST_CLIENTS.rs256, connection: DB_CONNECTION, ...body } });
    const login = (username: string, password: string, extra: Record<string, unknown> = {}) => ctx.current.login({ username, password, scope: 'openid', ...extra });

    async function resetForm(link: string) {
      const page = await dispatch({ method: 'GET', path: link });
      return { page, cookie: cookieOf(page), ticket: fieldOf(page.text, 'ticket')!, csrf: fieldOf(page.text, '_csrf')! };
    }
    const submit = (form: Record<string, string>, cookie?: string) =>
      dispatch({ method: 'POST', path: '/lo/reset', form, ...(cookie ? { headers: { cookie } } : {}) });

    it('answers Auth0\'s sentence for known and unknown emails alike; only the known one gets a link', async () => {
      const known = uniqueEmail('reset');
      expect((await ctx.current.signup(known, GOOD_PASSWORD)).status).toBe(200);
      const unknown = uniqueEmail('nobody');
      const a = await changePassword({ email: known });
      const b = await changePassword({ email: unknown });
      for (const res of [a, b]) {
        expect(res.status).toBe(200);
        expect(res.text).toBe(SENT);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
      }
      const link = await eventually(() => linkTo(email, known, 'lo/reset'));
      expect(link).toMatch(/^\/lo\/reset\?ticket=[A-Za-z0-9_-]{43}$/);
      const message = [...email.messages].reverse().find((m) => m.recipient === known && m.body.includes('lo/reset'))!;
      expect(message.subject).toBe('Reset for RS256 app');
      expect(message.from).toBe('Accounts <accounts@example.com>');
      await new Promise((r) => setTimeout(r, 50));
      expect(email.messages.some((m) => m.recipient === unknown)).toBe(false);
    });

    it('resets through the page: policy checked, single use, old password and refresh tokens dead', async () => {
      const user = uniqueEmail('reset');
      await ctx.current.signup(user, GOOD_PASSWORD);
      const before = await login(user, GOOD_PASSWORD, { scope: 'openid offline_access', device: 'Phone' });
      expect(before.json.refresh_token).toBeDefined();
      await changePassword({ email: user });
      const link = await eventually(() => linkTo(email, user, 'lo/reset'));
      const { page, cookie, ticket, csrf } = await resetForm(link);
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/);
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(setCookieOf(page)).toMatch(/^oauth_ro_csrf=[A-Za-z0-9_-]{32}; HttpOnly; SameSite=Strict/);
      expect(page.text).not.toMatch(/<script/i);
      // Without the CSRF cookie: refused, the ticket stays.
      expect((await submit({ ticket, _csrf: csrf, newPassword: NEW_PASSWORD, confirmNewPassword: NEW_PASSWORD })).status).toBe(403);
      const weak = await submit({ ticket, _csrf: csrf, newPassword: 'weak', confirmNewPassword: 'weak' }, cookie);
      expect(weak.status).toBe(400);
      expect(weak.text).toContain('Password is too weak');
      expect((await submit({ ticket, _csrf: csrf, newPassword: NEW_PASSWORD, confirmNewPassword: 'other' }, cookie)).status).toBe(400);
      const done = await submit({ ticket, _csrf: csrf, newPassword: NEW_PASSWORD, confirmNewPassword: NEW_PASSWORD }, cookie);
      expect(done.status).toBe(200);
      expect(done.text).toContain('Your password has been changed');
      expect((await login(user, GOOD_PASSWORD)).status).toBe(401);
      expect((await login(user, NEW_PASSWORD)).status).toBe(200);
      const delegated = await dispatch({
        method: 'POST',
        path: '/delegation',
        json: { client_id: TEST_CLIENTS.rs256, client_secret: 'rs256-client-secret-value', grant_type: JWT_BEARER, refresh_token: before.json.refresh_token, api_type: 'app' },
      });
      expect(delegated.status).toBe(403);
      // Spent: the page and the form both refuse it.
      expect((await dispatch({ method: 'GET', path: link })).status).toBe(400);
      expect((await submit({ ticket, _csrf: csrf, newPassword: 'Another-Horse-8', confirmNewPassword: 'Another-Horse-8' }, cookie)).status).toBe(400);
      expect((await login(user, NEW_PASSWORD)).status).toBe(200);
    });

    it('gives one success to 20 parallel submissions of one ticket', async () => {
      const user = uniqueEmail('race');
      await ctx.current.signup(user, GOOD_PASSWORD);
      await changePassword({ email: user });
      const { cookie, ticket, csrf } = await resetForm(await eventually(() => linkTo(email, user, 'lo/reset')));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => submit({ ticket, _csrf: csrf, newPassword: `Race-Horse-${i}0`, confirmNewPassword: `Race-Horse-${i}0` }, cookie)),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 400)).toHaveLength(19);
    });

    it('refuses forged, malformed and expired tickets with a 400 page', async () => {
      for (const query of ['ticket=' + 'A'.repeat(43), 'ticket=short', 'ticket=%3Cscript%3E', '']) {
        const res = await dispatch({ method: 'GET', path: `/lo/reset?${query}` });
        expect(res.status, query).toBe(400);
        expect(res.text).not.toContain('<script');
      }
      const user = uniqueEmail('expired');
      await ctx.current.signup(user, GOOD_PASSWORD);
      const stored = await ctx.current.deps.users.find(DB_CONNECTION, { email: user });
      const ticket = 'E'.repeat(43);
      const { createHash } = await import('node:crypto');
      const now = Date.now();
      await ctx.current.deps.tickets!.issue({ ticket_hash: createHash('sha256').update(ticket).digest('hex'), kind: 'reset', user_id: stored!.user_id, created_at: now - 10_000, expires_at: now - 1 });
      expect((await dispatch({ method: 'GET', path: `/lo/reset?ticket=${ticket}` })).status).toBe(400);
    });

    it('refuses bad input with the contract\'s 4xx: unknown or non-database connection, bad email, unknown client', async () => {
      expect((await changePassword({ email: uniqueEmail(), connection: 'nope' })).json.error).toBe('bad.connection');
      const sms = await changePassword({ email: uniqueEmail(), connection: 'sms' });
      expect(sms.status).toBe(400);
      expect(sms.json).toEqual({ error: 'bad.connection', error_description: 'the connection is not a database connection' });
      expect((await changePassword({ email: 'not-an-email' })).json.error).toBe('bad.email');
      expect((await changePassword({})).json).toEqual({ error: 'invalid_request', error_description: 'missing email parameter' });
      expect((await changePassword({ email: uniqueEmail(), client_id: 'nope' })).status).toBe(403);
    });

    it('throttles requests per address, known or not, with Auth0\'s too_many_requests and Retry-After', async () => {
      for (const [address, known] of [[uniqueEmail('flood'), true], [uniqueEmail('flood'), false]] as const) {
        if (known) await ctx.current.signup(address, GOOD_PASSWORD);
        const statuses = [];
        for (let i = 0; i < 6; i++) statuses.push((await changePassword({ email: address })).status);
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
        const refused = await changePassword({ email: address });
        expect(refused.json.error).toBe('too_many_requests');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      }
      const res = await changePassword({ email: uniqueEmail('flood2') });
      expect(res.status).toBe(200);
    });

    it('legacy password: checked now with Auth0\'s errors, confirmed by the link', async () => {
      const user = uniqueEmail('legacy');
      await ctx.current.signup(user, GOOD_PASSWORD);
      const weak = await changePassword({ email: user, password: 'weak' });
      expect(weak.status).toBe(400);
      expect(weak.json).toMatchObject({ name: 'PasswordStrengthError', code: 'invalid_password', statusCode: 400 });
      expect((await changePassword({ email: user, password: NEW_PASSWORD })).text).toBe(SENT);
      const { page, cookie, ticket, csrf } = await resetForm(await eventually(() => linkTo(email, user, 'lo/reset')));
      expect(page.text).toContain('Confirm password change');
      expect((await submit({ ticket, _csrf: csrf }, cookie)).status).toBe(200);
      expect((await login(user, NEW_PASSWORD)).status).toBe(200);
    });

    it('sends nothing when a value would break the mail headers (CRLF in the application name)', async () => {
      const user = uniqueEmail('crlf');
      const signed = await dispatch({ method: 'POST', path: '/dbconnections/signup', json: { client_id: 'app-crlf', connection: 'db-crlf', email: user, password: GOOD_PASSWORD } });
      expect(signed.status).toBe(200);
      const res = await dispatch({ method: 'POST', path: '/dbconnections/change_password', json: { client_id: 'app-crlf', connection: 'db-crlf', email: user } });
      expect(res.text).toBe(SENT);
      await new Promise((r) => setTimeout(r, 100));
      expect(email.messages.filter((m) => m.recipient === user && m.body.includes('lo/reset'))).toEqual([]);
    });

    it('admin: POST /api/v2/tickets/password-change answers 201 {ticket} (admin token required)', async () => {
      const user = uniqueEmail('ticket');
      const created = await ctx.current.signup(user, GOOD_PASSWORD);
      const user_id = `auth0|${created.json._id}`;
      const post = (json: unknown, token = TEST_ADMIN_TOKEN) =>
        dispatch({ method: 'POST', path: '/api/v2/tickets/password-change', headers: { authorization: `Bearer ${token}` }, json });
      expect((await post({ user_id }, 'wrong-token-wrong-token-wrong-token')).status).toBe(401);
      const res = await post({ user_id, result_url: 'https://app.example.com/after' });
      expect(res.status).toBe(201);
      expect(res.json.ticket).toMatch(/^https:\/\/auth\.test\.example\/lo\/reset\?ticket=[A-Za-z0-9_-]{43}#$/);
      const { cookie, ticket, csrf } = await resetForm(res.json.ticket.replace('https://auth.test.example', '').replace('#', ''));
      const done = await submit({ ticket, _csrf: csrf, newPassword: NEW_PASSWORD, confirmNewPassword: NEW_PASSWORD }, cookie);
      expect(done.status).toBe(302);
      expect(done.headers.location).toMatch(/^https:\/\/app\.example\.com\/after\?success=true&message=/);
      expect((await post({ user_id: 'auth0|nobody' })).status).toBe(404);
      expect((await post({ email: user, connection_id: DB_CONNECTION, ttl_sec: -1 })).status).toBe(400);
      expect((await post({})).status).toBe(400);
    });

    it('verification: a link on sign-up, unverified logins refused where the connection asks, single use, resend job', async () => {
      const user = uniqueEmail('verify');
      const signupRes = await dispatch({ method: 'POST', path: '/dbconnections/signup', json: { client_id: TEST_CLIENTS.rs256, connection: 'db-policy', email: user, password: 'Violet-Harbour-42' } });
      expect(signupRes.status).toBe(200);
      const refused = await ctx.current.login({ connection: 'db-policy', username: user, password: 'Violet-Harbour-42' });
      expect(refused.status).toBe(401);
      expect(refused.json).toEqual({ error: 'unauthorized', error_description: 'Please verify your email before logging in.' });
      const link = await eventually(() => linkTo(email, user, 'api/v2/tickets/email-verification'));
      const verified = await dispatch({ method: 'GET', path: link });
      expect(verified.status).toBe(200);
      expect(verified.text).toContain('Your email was verified');
      expect(verified.headers['content-security-policy']).toContain("default-src 'none'");
      expect((await dispatch({ method: 'GET', path: link })).status).toBe(400);
      expect((await ctx.current.login({ connection: 'db-policy', username: user, password: 'Violet-Harbour-42' })).status).toBe(200);
      const job = await dispatch({
        method: 'POST',
        path: '/api/v2/jobs/verification-email',
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
        json: { user_id: `auth0|${signupRes.json._id}` },
      });
      expect(job.status).toBe(201);
      expect(job.json).toMatchObject({ type: 'verification_email', status: 'pending', id: expect.stringMatching(/^job_/) });
      const again = await eventually(() => {
        const l = linkTo(email, user, 'api/v2/tickets/email-verification');
        return l !== link ? l : undefined;
      });
      expect((await dispatch({ method: 'GET', path: again })).status).toBe(200);
    });
  });
}
