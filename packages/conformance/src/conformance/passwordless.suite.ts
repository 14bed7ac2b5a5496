import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { createCapturingSender, type CapturingSender } from '../fixtures/capturing-sender.js';
import { EMAIL_CONNECTION, SMS_CONNECTION, TEST_CLIENTS } from '../fixtures/test-config.js';
import type { AdapterHarness, TestResponse } from '../harness/types.js';
import { movableClock } from './lifecycle-fixtures.js';
import { uniqueEmail, uniquePhone, useMountedApp, type AppUnderTest } from './use-mounted-app.js';

const WRONG_PHONE_CODE = { error: 'invalid_user_password', error_description: 'Wrong phone number or verification code.' };
const WRONG_EMAIL_CODE = { error: 'invalid_user_password', error_description: 'Wrong email or verification code.' };

/** The apps, senders and shortcuts of one passwordless suite run. */
interface PasswordlessApp {
  readonly ctx: { current: AppUnderTest };
  readonly sms: CapturingSender;
  readonly email: CapturingSender;
  start(body: Record<string, unknown>): Promise<TestResponse>;
  startSms(phone_number: string, extra?: Record<string, unknown>): Promise<TestResponse>;
  startEmail(email: string, extra?: Record<string, unknown>): Promise<TestResponse>;
  loginSms(username: string, password: string, extra?: Record<string, unknown>): Promise<TestResponse>;
  loginEmail(username: string, password: string, extra?: Record<string, unknown>): Promise<TestResponse>;
}

function usePasswordlessApp(harness: AdapterHarness, options: Parameters<typeof useMountedApp>[1] = {}): PasswordlessApp {
  const sms = createCapturingSender();
  const email = createCapturingSender();
  const ctx = useMountedApp(harness, { ...options, senders: { sms, email } });
  const start = (body: Record<string, unknown>) => ctx.current.app.dispatch({ method: 'POST', path: '/passwordless/start', json: body });
  const login = (connection: string) => (username: string, password: string, extra: Record<string, unknown> = {}) =>
    ctx.current.login({ connection, username, password, ...extra });
  return {
    ctx,
    sms,
    email,
    start,
    startSms: (phone_number, extra = {}) => start({ client_id: TEST_CLIENTS.rs256, connection: SMS_CONNECTION, phone_number, ...extra }),
    startEmail: (address, extra = {}) => start({ client_id: TEST_CLIENTS.rs256, connection: EMAIL_CONNECTION, email: address, send: 'code', ...extra }),
    loginSms: login(SMS_CONNECTION),
    loginEmail: login(EMAIL_CONNECTION),
  };
}

/** A different wrong code of the same length. */
const wrong = (code: string) => code.replace(/^./, (d) => String((Number(d) + 1) % 10));

/** `/passwordless/start` then `/oauth/ro` with `sms` and `email` connections (docs/spec.md §3). */
export function passwordlessSuite(harness: AdapterHarness): void {
  describe('passwordless: /passwordless/start and /oauth/ro with sms and email', () => {
    const time = movableClock();
    // The per-IP limit is raised here (every test comes from one address); the throttling block below keeps the defaults.
    const p = usePasswordlessApp(harness, { clock: time.clock, passwordless: { limits: { startsPerIpPerHour: 10_000 } } });

    it('sends an SMS code and logs in with it; the first login creates sms|… with phone_verified, later ones find it', async () => {
      const phone = uniquePhone();
      const started = await p.startSms(phone);
      expect(started.status).toBe(200);
      expect(started.json).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), phone_number: phone, phone_verified: false });
      const message = p.sms.messages.at(-1)!;
      expect(message).toMatchObject({ recipient: phone, from: '+15550100000', client_id: TEST_CLIENTS.rs256 });
      expect(message.body).toMatch(/^Your verification code is [0-9]{6}$/);

      const first = await p.loginSms(phone, p.sms.lastCode(phone)!, { scope: 'openid phone_number phone_verified' });
      expect(first.status).toBe(200);
      const claims = decodeJwt(first.json.id_token);
      expect(claims).toMatchObject({ sub: `sms|${started.json._id}`, phone_number: phone, phone_verified: true });
      const stored = await p.ctx.current.deps.users.findById(`sms|${started.json._id}`);
      expect(stored).toMatchObject({ connection: SMS_CONNECTION, strategy: 'sms', phone_number: phone, profile: { phone_verified: true } });

      const again = await p.startSms(phone);
      expect(again.json).toEqual({ _id: started.json._id, phone_number: phone, phone_verified: true });
      const second = await p.loginSms(phone, p.sms.lastCode(phone)!, { scope: 'openid' });
      expect(second.status).toBe(200);
      expect(decodeJwt(second.json.id_token).sub).toBe(claims.sub);
    });

    it('normalises a formatted number to E.164 at start and at login', async () => {
      const phone = uniquePhone();
      const formatted = `${phone.slice(0, 2)} (${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
      const started = await p.startSms(formatted);
      expect(started.status).toBe(200);
      expect(started.json.phone_number).toBe(phone);
      expect((await p.loginSms(formatted, p.sms.lastCode(phone)!)).status).toBe(200);
    });

    it('sends an email code (subject, sender and body from the templates) and logs in with it as email|…', async () => {
      const address = uniqueEmail('pwl');
      const started = await p.startEmail(address.toUpperCase());
      expect(started.status).toBe(200);
      expect(started.json).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), email: address, email_verified: false });
      const message = p.email.messages.at(-1)!;
      expect(message).toMatchObject({ recipient: address, subject: 'Your code for RS256 app', from: 'RS256 app <login@example.com>' });
      expect(message.body).toMatch(/^<p>Your code is [0-9]{6}<\/p>$/);
      const res = await p.loginEmail(address.toUpperCase(), p.email.lastCode(address)!, { scope: 'openid email email_verified' });
      expect(res.status).toBe(200);
      expect(decodeJwt(res.json.id_token)).toMatchObject({ sub: `email|${started.json._id}`, email: address, email_verified: true });
    });

    it('answers 401 with the contract wording for a wrong code, by sms and by email', async () => {
      const phone = uniquePhone();
      await p.startSms(phone);
      const sms = await p.loginSms(phone, wrong(p.sms.lastCode(phone)!));
      expect(sms.status).toBe(401);
      expect(sms.json).toEqual(WRONG_PHONE_CODE);
      const address = uniqueEmail('pwl');
      await p.startEmail(address);
      const email = await p.loginEmail(address, wrong(p.email.lastCode(address)!));
      expect(email.status).toBe(401);
      expect(email.json).toEqual(WRONG_EMAIL_CODE);
    });

    it('refuses an expired code (after totp.time_step seconds)', async () => {
      const phone = uniquePhone();
      await p.startSms(phone);
      time.advance(180_001);
      try {
        const res = await p.loginSms(phone, p.sms.lastCode(phone)!);
        expect(res.status).toBe(401);
        expect(res.json).toEqual(WRONG_PHONE_CODE);
      } finally {
        time.reset();
      }
    });

    it('refuses a code used once already', async () => {
      const phone = uniquePhone();
      await p.startSms(phone);
      const code = p.sms.lastCode(phone)!;
      expect((await p.loginSms(phone, code)).status).toBe(200);
      const reused = await p.loginSms(phone, code);
      expect(reused.status).toBe(401);
      expect(reused.json).toEqual(WRONG_PHONE_CODE);
    });

    it('kills a code after three wrong tries, even for the right code after them', async () => {
      const phone = uniquePhone();
      await p.startSms(phone);
      const code = p.sms.lastCode(phone)!;
      for (let i = 0; i < 3; i += 1) expect((await p.loginSms(phone, wrong(code))).json).toEqual(WRONG_PHONE_CODE);
      const right = await p.loginSms(phone, code);
      expect(right.status).toBe(401);
      expect(right.json).toEqual(WRONG_PHONE_CODE);
    });

    it('lets two wrong tries pass and still accepts the right code third', async () => {
      const phone = uniquePhone();
      await p.startSms(phone);
      const code = p.sms.lastCode(phone)!;
      for (let i = 0; i < 2; i += 1) expect((await p.loginSms(phone, wrong(code))).status).toBe(401);
      expect((await p.loginSms(phone, code)).status).toBe(200);
    });

    it('counts only the newest code', async () => {
      const phone = uniquePhone();
      await p.startSms(phone);
      const older = p.sms.lastCode(phone)!;
      let newer = older;
      // Two draws agree one time in a million; draw again rather than flake.
      for (let i = 0; i < 5 && newer === older; i += 1) {
        await p.startSms(phone);
        newer = p.sms.lastCode(phone)!;
      }
      expect((await p.loginSms(phone, older)).json).toEqual(WRONG_PHONE_CODE);
      expect((await p.loginSms(phone, newer)).status).toBe(200);
    });

    it('gives one login for two simultaneous tries of the right code, and none after fifty simultaneous wrong ones', async () => {
      const phone = uniquePhone();
      await p.startSms(phone);
      const code = p.sms.lastCode(phone)!;
      const pair = await Promise.all([p.loginSms(phone, code), p.loginSms(phone, code)]);
      expect(pair.map((r) => r.status).sort()).toEqual([200, 401]);

      await p.startSms(phone);
      const next = p.sms.lastCode(phone)!;
      const flood = await Promise.all(Array.from({ length: 50 }, () => p.loginSms(phone, wrong(next))));
      expect(flood.every((r) => r.status === 401)).toBe(true);
      expect((await p.loginSms(phone, next)).json).toEqual(WRONG_PHONE_CODE);
    });

    it('refuses a username that is not a phone number or address with the same 401', async () => {
      expect((await p.loginSms('not-a-number', '123456')).json).toEqual(WRONG_PHONE_CODE);
      expect((await p.loginEmail('not-an-address', '123456')).json).toEqual(WRONG_EMAIL_CODE);
      expect((await p.loginSms(uniquePhone(), '123456')).json).toEqual(WRONG_PHONE_CODE);
    });

    it('refuses a blocked user after the code', async () => {
      const phone = uniquePhone();
      const started = await p.startSms(phone);
      await p.loginSms(phone, p.sms.lastCode(phone)!);
      const stamp = new Date().toISOString();
      await p.ctx.current.deps.users.update(`sms|${started.json._id}`, { blocked: true }, stamp);
      await p.startSms(phone);
      const res = await p.loginSms(phone, p.sms.lastCode(phone)!);
      expect(res.status).toBe(401);
      expect(res.json.error).toBe('unauthorized');
    });

    it.each([
      ['missing client_id', { client_id: undefined }, 'bad.client_id'],
      ['unknown client_id', { client_id: 'nope' }, 'bad.client_id'],
      ['client_id of the wrong type', { client_id: 7 }, 'bad.client_id'],
      ['missing connection', { connection: undefined }, 'bad.connection'],
      ['unknown connection', { connection: 'nope' }, 'bad.connection'],
      ['a database connection', { connection: 'Username-Password-Authentication' }, 'bad.connection'],
      ['a connection not enabled for the client', { connection: 'sms-of-other-app' }, 'bad.connection'],
      ['missing phone_number', { phone_number: undefined }, 'bad.phone_number'],
      ['a number without +', { phone_number: '15550100000' }, 'bad.phone_number'],
      ['a number too short for its country', { phone_number: '+1555' }, 'bad.phone_number'],
      ['an unknown country code', { phone_number: '+99912345678' }, 'bad.phone_number'],
      ['letters', { phone_number: '+1-800-FLOWERS' }, 'bad.phone_number'],
      ['a number of the wrong type', { phone_number: 15550100000 }, 'bad.phone_number'],
      ['an unknown send', { send: 'pigeon' }, 'bad.request'],
      ['authParams that is not an object', { authParams: 'x' }, 'bad.request'],
    ])('answers 400 %s (sms) and sends nothing', async (_case, override, error) => {
      const before = p.sms.attempts.length;
      const res = await p.start({ client_id: TEST_CLIENTS.rs256, connection: SMS_CONNECTION, phone_number: uniquePhone(), ...override });
      expect(res.status).toBe(400);
      expect(res.json.error).toBe(error);
      expect(res.json.error_description).toBeTypeOf('string');
      expect(p.sms.attempts.length).toBe(before);
    });

    it.each([
      ['missing email', { email: undefined }, 'bad.email'],
      ['an invalid address', { email: 'not-an-email' }, 'bad.email'],
      ['send=link for a client without callbacks', { send: 'link' }, 'invalid_request'],
    ])('answers 400 %s (email) and sends nothing', async (_case, override, error) => {
      const before = p.email.attempts.length;
      const res = await p.start({ client_id: TEST_CLIENTS.rs256, connection: EMAIL_CONNECTION, email: uniqueEmail('pwl'), send: 'code', ...override });
      expect(res.status).toBe(400);
      expect(res.json.error).toBe(error);
      expect(p.email.attempts.length).toBe(before);
    });

    it('says plainly that a link needs a callback to go to', async () => {
      const res = await p.startEmail(uniqueEmail('pwl'), { send: 'link' });
      expect(res.json).toEqual({ error: 'invalid_request', error_description: 'redirect_uri is missing and the client has no callbacks' });
    });

    it('accepts a form body and ignores authParams', async () => {
      const phone = uniquePhone();
      const res = await p.ctx.current.app.dispatch({
        method: 'POST',
        path: '/passwordless/start',
        form: { client_id: TEST_CLIENTS.rs256, connection: SMS_CONNECTION, phone_number: phone, send: 'code' },
      });
      expect(res.status).toBe(200);
      expect((await p.startSms(phone, { authParams: { scope: 'openid' } })).status).toBe(200);
    });

    it.each(['value', 'throws'] as const)(
      'answers sms_provider_error when the provider fails (%s) and leaves no valid code',
      async (mode) => {
        const phone = uniquePhone();
        p.sms.fail('the gateway answered 502', mode);
        let res: TestResponse;
        try {
          res = await p.startSms(phone);
        } finally {
          p.sms.succeed();
        }
        expect(res.status).toBe(400);
        expect(res.json.error).toBe('sms_provider_error');
        if (mode === 'value') expect(res.json.error_description).toBe('the gateway answered 502');
        const unsent = p.sms.lastAttemptedCode(phone)!;
        expect(unsent).toMatch(/^[0-9]{6}$/);
        expect((await p.loginSms(phone, unsent)).json).toEqual(WRONG_PHONE_CODE);
      },
    );

    it('answers sms_provider_error for a failed email too', async () => {
      const address = uniqueEmail('pwl');
      p.email.fail('SMTP 550 mailbox unavailable');
      try {
        const res = await p.startEmail(address);
        expect(res.status).toBe(400);
        expect(res.json).toEqual({ error: 'sms_provider_error', error_description: 'SMTP 550 mailbox unavailable' });
      } finally {
        p.email.succeed();
      }
      expect((await p.loginEmail(address, p.email.lastAttemptedCode(address)!)).status).toBe(401);
    });
  });

  describe('passwordless: throttling per recipient', () => {
    const p = usePasswordlessApp(harness);

    it('allows 10 codes per recipient per hour, then 429 with Retry-After; other recipients go on', async () => {
      const phone = uniquePhone();
      for (let i = 0; i < 10; i += 1) expect((await p.startSms(phone)).status, `start ${i + 1}`).toBe(200);
      const refused = await p.startSms(phone);
      expect(refused.status).toBe(429);
      expect(refused.json.error).toBe('too_many_requests');
      expect(refused.json.error_description).toMatch(/recipient/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3500);
      expect(p.sms.attempts).toHaveLength(10);
      expect((await p.startSms(uniquePhone())).status).toBe(200);
    });
  });

  describe('passwordless: throttling per IP', () => {
    const p = usePasswordlessApp(harness);

    it('allows 50 starts per IP per hour over all recipients and connections, then 429', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 50; i += 1) {
        statuses.push((await (i % 2 === 0 ? p.startSms(uniquePhone()) : p.startEmail(uniqueEmail('flood')))).status);
      }
      expect(statuses.every((s) => s === 200)).toBe(true);
      const refused = await p.startSms(uniquePhone());
      expect(refused.status).toBe(429);
      expect(refused.json.error).toBe('too_many_requests');
      expect(refused.json.error_description).toMatch(/address/);
      expect(p.sms.attempts.length + p.email.attempts.length).toBe(50);
    });
  });
}
