import { base32Decode, totpCode, totpStep } from '@oauth-ro/core/internal';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCapturingSender } from '../fixtures/capturing-sender.js';
import { TEST_ADMIN_TOKEN } from '../fixtures/test-config.js';
import type { AdapterHarness, TestRequest, TestResponse } from '../harness/types.js';
import { decodeQrModules, qrModulesFromSvg } from '../qr/decode-qr.js';
import { GOOD_PASSWORD, uniqueEmail, useMountedApp } from './use-mounted-app.js';

const AUTH = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const ISSUER = 'https://auth.test.example/';

const setCookieOf = (res: TestResponse): string => String([res.headers['set-cookie'] as string | string[] | undefined].flat()[0] ?? '');
const fieldOf = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
const secretOf = (html: string) => /id="secret">([^<]+)</.exec(html)?.[1]?.replace(/\s+/g, '');

/** The code an authenticator app shows now for `secret`. */
const codeNow = (secret: string) => totpCode(base32Decode(secret)!, totpStep(Date.now()));

/** A 6-digit code that is none of the codes the server accepts around now (the window is ±1 step). */
async function wrongCode(secret: string): Promise<string> {
  const key = base32Decode(secret)!;
  const step = totpStep(Date.now());
  const near = new Set(await Promise.all([-2, -1, 0, 1, 2].map((d) => totpCode(key, step + d))));
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!near.has(candidate)) return candidate;
  }
}

/** MFA enrolment (docs/spec.md §5.10): the Management API's ticket, the ticket page, and the enrolment routes. */
export function mfaEnrollmentSuite(harness: AdapterHarness): void {
  describe('MFA enrolment: tickets, the enrolment page, Management API', () => {
    const email = createCapturingSender();
    const ctx = useMountedApp(harness, { senders: { email, sms: createCapturingSender() } });
    const dispatch = (request: TestRequest) => ctx.current.app.dispatch(request);
    const admin = (req: TestRequest) => dispatch({ ...req, headers: { ...AUTH, ...req.headers } });

    async function newUser(): Promise<{ address: string; user_id: string }> {
      const address = uniqueEmail('mfa');
      const res = await ctx.current.signup(address, GOOD_PASSWORD);
      expect(res.status).toBe(200);
      return { address, user_id: `auth0|${res.json._id}` };
    }

    async function ticketFor(user_id: string): Promise<{ ticket_id: string; path: string }> {
      const res = await admin({ method: 'POST', path: '/api/v2/guardian/enrollments/ticket', json: { user_id } });
      expect(res.status).toBe(200);
      return { ticket_id: res.json.ticket_id, path: `/${(res.json.ticket_url as string).slice(ISSUER.length).replace(/#$/, '')}` };
    }

    async function openPage(path: string) {
      const page = await dispatch({ method: 'GET', path });
      expect(page.status).toBe(200);
      return { page, cookie: setCookieOf(page).split(';')[0]!, ticket: fieldOf(page.text, 'ticket')!, csrf: fieldOf(page.text, '_csrf')!, enrollment_id: fieldOf(page.text, 'enrollment_id')!, secret: secretOf(page.text)! };
    }

    const submit = (form: Record<string, string>, cookie?: string) => dispatch({ method: 'POST', path: '/guardian/enrollment', form, ...(cookie ? { headers: { cookie } } : {}) });

    /** Enrols a user through the ticket page; its enrolment id, key and recovery code. */
    async function enrol(user_id: string) {
      const { path } = await ticketFor(user_id);
      const { cookie, ticket, csrf, enrollment_id, secret } = await openPage(path);
      const done = await submit({ ticket, _csrf: csrf, enrollment_id, code: await codeNow(secret) }, cookie);
      expect(done.status).toBe(200);
      return { enrollment_id, secret, recovery_code: /id="recovery-code">([^<]+)</.exec(done.text)![1]! };
    }

    it('creates a single-use ticket in Auth0\'s shape, stored only as its SHA-256, and refuses bad input', async () => {
      const { user_id } = await newUser();
      const made = await admin({ method: 'POST', path: '/api/v2/guardian/enrollments/ticket', json: { user_id, send_mail: false, factor: 'otp', allow_multiple_enrollments: false } });
      expect(made.status).toBe(200);
      expect(Object.keys(made.json).sort()).toEqual(['ticket_id', 'ticket_url']);
      expect(made.json.ticket_id).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(made.json.ticket_url).toBe(`${ISSUER}guardian/enrollment?ticket=${made.json.ticket_id}#`);
      const tickets = ctx.current.deps.tickets!;
      expect(await tickets.peek('mfa_enroll', made.json.ticket_id, Date.now())).toBeUndefined();
      const stored = await tickets.peek('mfa_enroll', createHash('sha256').update(made.json.ticket_id).digest('hex'), Date.now());
      expect(stored).toMatchObject({ kind: 'mfa_enroll', user_id });
      // Auth0's 5 days.
      expect(stored!.expires_at - stored!.created_at).toBe(432_000_000);

      const bad: [unknown, number, string][] = [
        [{}, 400, 'missing user_id parameter'],
        [{ user_id: 42 }, 400, 'user_id must be a string'],
        [{ user_id, send_mail: 'yes' }, 400, 'send_mail must be a boolean'],
        [{ user_id, allow_multiple_enrollments: 1 }, 400, 'allow_multiple_enrollments must be a boolean'],
        [{ user_id, factor: 'sms' }, 400, 'factor must be otp (the only factor oauth-ro enrols)'],
        [{ user_id, email: 'not-an-address' }, 400, 'email must be an email address'],
        [{ user_id: 'auth0|nobody' }, 404, 'The user does not exist.'],
      ];
      for (const [json, status, description] of bad) {
        const res = await admin({ method: 'POST', path: '/api/v2/guardian/enrollments/ticket', json });
        expect({ status: res.status, description: res.json.error_description }, JSON.stringify(json)).toEqual({ status, description });
      }
    });

    it('emails the link with send_mail, to the given address', async () => {
      const { user_id } = await newUser();
      const other = uniqueEmail('other');
      const made = await admin({ method: 'POST', path: '/api/v2/guardian/enrollments/ticket', json: { user_id, send_mail: true, email: other } });
      expect(made.status).toBe(200);
      let message;
      for (let i = 0; i < 500 && !message; i++) {
        message = email.messages.find((m) => m.recipient === other);
        if (!message) await new Promise((r) => setTimeout(r, 20));
      }
      expect(message?.subject).toBe('Set up two-step verification');
      expect(message?.body).toContain(made.json.ticket_url);
    });

    it('shows the key as a QR code and as text (the same on a reload), and the first right code enrols once', async () => {
      const { address, user_id } = await newUser();
      const { path } = await ticketFor(user_id);
      const { page, cookie, ticket, csrf, enrollment_id, secret } = await openPage(path);
      expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.text).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
      expect(setCookieOf(page)).toMatch(/^oauth_ro_csrf=[A-Za-z0-9_-]{32}; HttpOnly; SameSite=Strict/);
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      // The QR code, read by an independent decoder, carries the key shown as text.
      const uri = decodeQrModules(qrModulesFromSvg(/<svg[\s\S]*?<\/svg>/.exec(page.text)![0]));
      expect(uri).toBe(`otpauth://totp/auth.test.example:${encodeURIComponent(address)}?secret=${secret}&issuer=auth.test.example&algorithm=SHA1&digits=6&period=30`);
      const reload = await openPage(path);
      expect({ secret: reload.secret, enrollment_id: reload.enrollment_id }).toEqual({ secret, enrollment_id });
      const pending = await admin({ method: 'GET', path: `/api/v2/users/${encodeURIComponent(user_id)}/enrollments` });
      expect(pending.json).toEqual([{ id: enrollment_id, status: 'pending', type: 'authenticator', auth_method: 'authenticator', enrolled_at: expect.any(String) }]);

      const form = { ticket, _csrf: csrf, enrollment_id };
      expect((await submit({ ...form, code: await codeNow(secret) })).status).toBe(403);
      expect((await submit({ ...form, _csrf: 'x'.repeat(32), code: await codeNow(secret) }, cookie)).status).toBe(403);
      const notDigits = await submit({ ...form, code: 'abcdef' }, cookie);
      expect(notDigits.status).toBe(400);
      expect(notDigits.text).toContain('Enter the 6-digit code');
      const wrong = await submit({ ...form, code: await wrongCode(secret) }, cookie);
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('That code is not right');
      expect(wrong.text).toContain('4 tries left');
      expect(secretOf(wrong.text)).toBe(secret);

      const done = await submit({ ...form, code: await codeNow(secret) }, cookie);
      expect(done.status).toBe(200);
      expect(done.text).toContain('Two-step verification is on');
      const recovery = /id="recovery-code">([^<]+)</.exec(done.text)?.[1];
      expect(recovery).toMatch(/^[A-Z0-9]{16,}$/);
      expect(setCookieOf(done)).toMatch(/^oauth_ro_csrf=; .*Max-Age=0/);
      // Spent: the page and the form refuse it.
      expect((await dispatch({ method: 'GET', path })).status).toBe(400);
      expect((await submit({ ...form, code: await codeNow(secret) }, cookie)).status).toBe(400);

      const item = { id: enrollment_id, status: 'confirmed', type: 'authenticator', auth_method: 'authenticator', enrolled_at: expect.any(String) };
      expect((await admin({ method: 'GET', path: `/api/v2/users/${encodeURIComponent(user_id)}/enrollments` })).json).toEqual([item]);
      const one = await admin({ method: 'GET', path: `/api/v2/guardian/enrollments/${encodeURIComponent(enrollment_id)}` });
      expect({ status: one.status, json: one.json }).toEqual({ status: 200, json: item });
    });

    it('regenerates the recovery code, deletes an enrolment (idempotently) and answers 404 after', async () => {
      const { user_id } = await newUser();
      const { enrollment_id, recovery_code } = await enrol(user_id);
      const users = `/api/v2/users/${encodeURIComponent(user_id)}`;
      const fresh = await admin({ method: 'POST', path: `${users}/recovery-code-regeneration` });
      expect(fresh.status).toBe(200);
      expect(Object.keys(fresh.json)).toEqual(['recovery_code']);
      expect(fresh.json.recovery_code).not.toBe(recovery_code);
      const path = `/api/v2/guardian/enrollments/${encodeURIComponent(enrollment_id)}`;
      expect((await admin({ method: 'DELETE', path })).status).toBe(204);
      expect((await admin({ method: 'DELETE', path })).status).toBe(204);
      const gone = await admin({ method: 'GET', path });
      expect({ status: gone.status, json: gone.json }).toEqual({ status: 404, json: { error: 'not_found', error_description: 'The enrollment does not exist.' } });
      expect((await admin({ method: 'GET', path: `${users}/enrollments` })).json).toEqual([]);
      const none = await admin({ method: 'POST', path: `${users}/recovery-code-regeneration` });
      expect({ status: none.status, json: none.json }).toEqual({ status: 404, json: { error: 'not_found', error_description: 'The user has no confirmed MFA enrollment.' } });
      for (const req of [
        { method: 'GET', path: '/api/v2/users/auth0%7Cnobody/enrollments' },
        { method: 'POST', path: '/api/v2/users/auth0%7Cnobody/recovery-code-regeneration' },
        { method: 'DELETE', path: '/api/v2/users/auth0%7Cnobody/multifactor/google-authenticator' },
      ]) {
        expect((await admin(req)).json, req.path).toEqual({ error: 'not_found', error_description: 'The user does not exist.' });
      }
    });

    it('spends the ticket after five wrong codes, even when twenty are sent at once', async () => {
      const { user_id } = await newUser();
      const { path } = await ticketFor(user_id);
      const { cookie, ticket, csrf, enrollment_id, secret } = await openPage(path);
      const wrong = await wrongCode(secret);
      const results = await Promise.all(Array.from({ length: 20 }, () => submit({ ticket, _csrf: csrf, enrollment_id, code: wrong }, cookie)));
      expect(results.every((r) => r.status === 400)).toBe(true);
      const judged = ctx.current.audit.events.filter((e) => e.type === 'gd_auth_failed' && e.user_id === user_id);
      expect(judged).toHaveLength(5);
      expect(ctx.current.audit.events.filter((e) => e.type === 'gd_otp_rate_limit_exceed' && e.user_id === user_id)).toHaveLength(1);
      // The right code now finds the ticket spent, and the pending enrolment is gone.
      const late = await submit({ ticket, _csrf: csrf, enrollment_id, code: await codeNow(secret) }, cookie);
      expect(late.status).toBe(400);
      expect(late.text).toContain('expired or was already used');
      expect(await ctx.current.deps.mfaEnrollments!.listByUser(user_id)).toEqual([]);
    });

    it('refuses forged tickets, another kind of ticket, and an enrolment that is not the page\'s', async () => {
      for (const query of ['ticket=' + 'A'.repeat(43), 'ticket=short', 'ticket=%3Cscript%3E', '']) {
        const res = await dispatch({ method: 'GET', path: `/guardian/enrollment?${query}` });
        expect(res.status, query).toBe(400);
        expect(res.text).not.toContain('<script');
      }
      const { user_id } = await newUser();
      const reset = await admin({ method: 'POST', path: '/api/v2/tickets/password-change', json: { user_id } });
      const resetTicket = /ticket=([A-Za-z0-9_-]{43})/.exec(reset.json.ticket as string)![1]!;
      expect((await dispatch({ method: 'GET', path: `/guardian/enrollment?ticket=${resetTicket}` })).status).toBe(400);
      // Another user's pending enrolment cannot be confirmed with this user's ticket.
      const victim = await newUser();
      const theirs = await openPage((await ticketFor(victim.user_id)).path);
      const { cookie, ticket, csrf } = await openPage((await ticketFor(user_id)).path);
      const res = await submit({ ticket, _csrf: csrf, enrollment_id: theirs.enrollment_id, code: await codeNow(theirs.secret) }, cookie);
      expect(res.status).toBe(400);
      expect((await ctx.current.deps.mfaEnrollments!.get(theirs.enrollment_id))?.status).toBe('pending');
    });

    it('deleting the user, or Auth0\'s legacy multifactor reset, removes the enrolments', async () => {
      const deleted = await newUser();
      await enrol(deleted.user_id);
      expect((await admin({ method: 'DELETE', path: `/api/v2/users/${encodeURIComponent(deleted.user_id)}` })).status).toBe(204);
      expect(await ctx.current.deps.mfaEnrollments!.listByUser(deleted.user_id)).toEqual([]);

      const reset = await newUser();
      await enrol(reset.user_id);
      const base = `/api/v2/users/${encodeURIComponent(reset.user_id)}/multifactor`;
      const duo = await admin({ method: 'DELETE', path: `${base}/duo` });
      expect({ status: duo.status, json: duo.json }).toEqual({ status: 400, json: { error: 'invalid_request', error_description: 'provider must be google-authenticator or guardian' } });
      expect(await ctx.current.deps.mfaEnrollments!.listByUser(reset.user_id)).toHaveLength(1);
      expect((await admin({ method: 'DELETE', path: `${base}/google-authenticator` })).status).toBe(204);
      expect(await ctx.current.deps.mfaEnrollments!.listByUser(reset.user_id)).toEqual([]);
    });
  });
}
