import { TEST_CLIENTS } from '@oauth-ro/test-kit';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailSender } from '../email/create-email-sender.js';
import { serveOverTls, type OAuthRoOverTls } from './serve-over-tls.js';
import { startSdkDriver, type SdkDriver } from './start-sdk-driver.js';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

const SMTP_USER = 'oauth-ro';
const SMTP_PASS = 'smtp-test-password';
const REFUSED = 'nobody@example.com';

/** The header block and the decoded body text of a raw message (quoted-printable soft breaks undone). */
function readMail(raw: string) {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(head)?.[1];
  return { header, body };
}

/**
 * Email codes through a real SMTP server (the `smtp-server` package) the test starts: the `auth0`
 * Node SDK v2 asks for a code with `passwordless.sendEmail({send: 'code'})`, the code is read from
 * the message the server received, and `oauth.signIn` logs in with it.
 */
describe('auth0 Node SDK v2: passwordless email over SMTP', () => {
  let smtp: SmtpSink;
  let served: OAuthRoOverTls;
  let sdk: SdkDriver;

  beforeAll(async () => {
    smtp = await startSmtpSink({ credentials: { user: SMTP_USER, pass: SMTP_PASS }, refuse: [REFUSED] });
    served = await serveOverTls(
      [
        {
          name: 'email',
          strategy: 'email',
          enabled_clients: [TEST_CLIENTS.rs256],
          options: {
            email: {
              syntax: 'liquid',
              from: '{{ application.name }} <login@example.com>',
              subject: 'Your {{ application.name }} code',
              body: '<html><body><p>Your code is <b>{{ code }}</b>.</p></body></html>',
            },
            totp: { time_step: 300, length: 8 },
          },
        },
      ],
      {
        email: createEmailSender({
          provider: { name: 'smtp', credentials: { smtp_host: smtp.host, smtp_port: smtp.port, smtp_user: SMTP_USER, smtp_pass: SMTP_PASS } },
          timeoutMs: 5000,
        }),
      },
    );
    sdk = await startSdkDriver({ domain: served.domain, clientId: TEST_CLIENTS.rs256, certPath: served.certPath });
  });

  afterAll(async () => {
    await sdk?.close();
    await served?.close();
    await smtp?.close();
  });

  it('mails the code (authenticated SMTP, HTML with a text twin) and signs in with it', async () => {
    const address = 'ann.passwordless@example.com';
    const started = await sdk.call('passwordless.sendEmail', { email: 'Ann.Passwordless@Example.com', send: 'code' });
    expect(started).toEqual({ ok: true, value: { _id: expect.stringMatching(/^[0-9a-f]{24}$/), email: address, email_verified: false } });

    const mail = smtp.mails.at(-1)!;
    expect(mail).toMatchObject({ from: 'login@example.com', to: [address], user: SMTP_USER });
    const { header, body } = readMail(mail.raw);
    expect(header('Subject')).toBe('Your RS256 app code');
    expect(header('From')).toBe('RS256 app <login@example.com>');
    expect(header('Content-Type')).toMatch(/^multipart\/alternative/);
    const code = /<b>([0-9]{8})<\/b>/.exec(body)?.[1];
    expect(code).toMatch(/^[0-9]{8}$/);
    expect(body).toContain(`Your code is ${code}.`);

    const signedIn = await sdk.call('oauth.signIn', { connection: 'email', username: address, password: code, scope: 'openid email email_verified' });
    expect(signedIn.ok).toBe(true);
    const claims = decodeJwt(signedIn.ok ? signedIn.value.id_token : '');
    expect(claims).toMatchObject({ sub: `email|${started.ok ? started.value._id : ''}`, email: address, email_verified: true });
  });

  it('refuses send=link for a client without callbacks (nowhere to deliver the tokens) with invalid_request', async () => {
    expect(await sdk.call('passwordless.sendEmail', { email: 'link@example.com', send: 'link' })).toMatchObject({
      ok: false,
      error: { statusCode: 400, name: 'invalid_request' },
    });
    expect(smtp.mails.some((m) => m.to.includes('link@example.com'))).toBe(false);
  });

  it('answers sms_provider_error when the mail server refuses the recipient', async () => {
    const answer = await sdk.call('passwordless.sendEmail', { email: REFUSED, send: 'code' });
    expect(answer).toMatchObject({ ok: false, error: { statusCode: 400, name: 'sms_provider_error' } });
  });
});
