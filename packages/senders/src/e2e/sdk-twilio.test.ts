import { startFakeTwilio, TEST_CLIENTS, type FakeTwilio } from '@oauth-ro/test-kit';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsSender } from '../sms/create-sms-sender.js';
import { serveOverTls, type OAuthRoOverTls } from './serve-over-tls.js';
import { startSdkDriver, type SdkDriver } from './start-sdk-driver.js';

const LANDLINE = '+15550107777';
const SERVICE_SID = `MG${'0123456789abcdef'.repeat(2)}`;

/**
 * The `auth0` Node SDK v2, unmodified, against oauth-ro over real TLS with the `twilio` provider,
 * talking to a local server that speaks Twilio's Messages API (form body, basic auth, JSON errors).
 */
describe('auth0 Node SDK v2: passwordless SMS through Twilio', () => {
  let twilio: FakeTwilio;
  let served: OAuthRoOverTls;
  let sdk: SdkDriver;
  let serviceSdk: SdkDriver;

  const codeFor = (to: string) => /[0-9]{6}/.exec([...twilio.messages].reverse().find((m) => m.to === to)?.body ?? '')?.[0];

  beforeAll(async () => {
    twilio = await startFakeTwilio({ landlines: [LANDLINE] });
    const twilioOptions = { provider: 'twilio', twilio_sid: twilio.accountSid, twilio_token: twilio.authToken, twilio_base_url: twilio.baseUrl };
    served = await serveOverTls(
      [
        { name: 'sms', strategy: 'sms', enabled_clients: [TEST_CLIENTS.rs256], options: { ...twilioOptions, from: '+15550100000', template: 'Code: @@password@@' } },
        {
          name: 'sms-service',
          strategy: 'sms',
          enabled_clients: [TEST_CLIENTS.hs256],
          options: { ...twilioOptions, messaging_service_sid: SERVICE_SID, syntax: 'liquid', template: '{{ application.name }} code: {{ code }}' },
        },
        { name: 'sms-bad-token', strategy: 'sms', enabled_clients: [TEST_CLIENTS.rs256], options: { ...twilioOptions, twilio_token: 'wrong-token', from: '+15550100000' } },
      ],
      { sms: createSmsSender({ timeoutMs: 5000 }) },
    );
    sdk = await startSdkDriver({ domain: served.domain, clientId: TEST_CLIENTS.rs256, certPath: served.certPath });
    serviceSdk = await startSdkDriver({ domain: served.domain, clientId: TEST_CLIENTS.hs256, certPath: served.certPath });
  });

  afterAll(async () => {
    await sdk?.close();
    await serviceSdk?.close();
    await served?.close();
    await twilio?.close();
  });

  it('sends with From, form-encoded with basic auth, and signs in with the code Twilio received', async () => {
    const phone = '+15550105151';
    const started = await sdk.call('passwordless.sendSMS', { phone_number: phone });
    expect(started).toMatchObject({ ok: true, value: { phone_number: phone, phone_verified: false } });
    const request = twilio.requests.at(-1)!;
    expect(request.path).toBe(`/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`);
    expect(Object.fromEntries(request.form)).toEqual({ To: phone, From: '+15550100000', Body: expect.stringMatching(/^Code: [0-9]{6}$/) });
    expect(request.authorization).toBe(`Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`);

    const signedIn = await sdk.call('passwordless.signIn', { username: phone, password: codeFor(phone)! });
    expect(signedIn.ok).toBe(true);
    expect(decodeJwt(signedIn.ok ? signedIn.value.id_token : '').sub).toBe(`sms|${started.ok ? started.value._id : ''}`);
  });

  it('sends through a Messaging Service when one is configured (and renders the Liquid template)', async () => {
    const phone = '+15550105252';
    // The SDK's sendSMS and passwordless.signIn hard-code connection "sms": start this one directly, log in through oauth.signIn.
    const res = await served.test.oauthRo.handle({
      method: 'POST',
      path: '/passwordless/start',
      headers: { 'content-type': 'application/json' },
      rawBody: JSON.stringify({ client_id: TEST_CLIENTS.hs256, connection: 'sms-service', phone_number: phone }),
      ip: '127.0.0.1',
    });
    expect(res.status).toBe(200);
    const message = twilio.messages.at(-1)!;
    expect(message).toMatchObject({ to: phone, messagingServiceSid: SERVICE_SID });
    expect(message.from).toBeUndefined();
    expect(message.body).toMatch(/^app-hs256 code: [0-9]{6}$/);
    const signedIn = await serviceSdk.call('oauth.signIn', { connection: 'sms-service', username: phone, password: codeFor(phone)! });
    expect(signedIn).toMatchObject({ ok: true, value: { token_type: 'bearer' } });
  });

  it("passes Twilio's error on as sms_provider_error, and the unsent code does not log in", async () => {
    const answer = await sdk.call('passwordless.sendSMS', { phone_number: LANDLINE });
    expect(answer).toMatchObject({ ok: false, error: { statusCode: 400, name: 'sms_provider_error' } });
    const res = await served.test.oauthRo.handle({
      method: 'POST',
      path: '/passwordless/start',
      headers: { 'content-type': 'application/json' },
      rawBody: JSON.stringify({ client_id: TEST_CLIENTS.rs256, connection: 'sms', phone_number: LANDLINE }),
      ip: '127.0.0.2',
    });
    expect(JSON.parse(res.body)).toEqual({ error: 'sms_provider_error', error_description: `'To' number ${LANDLINE} is not a valid mobile number (Code: 21614)` });
    const unsent = /[0-9]{6}/.exec(twilio.requests.at(-1)!.form.get('Body')!)![0];
    expect(await sdk.call('passwordless.signIn', { username: LANDLINE, password: unsent })).toMatchObject({ ok: false, error: { statusCode: 401 } });
  });

  it('answers sms_provider_error for a wrong Auth Token (Twilio 20003) and for a Twilio outage', async () => {
    const bad = await served.test.oauthRo.handle({
      method: 'POST',
      path: '/passwordless/start',
      headers: { 'content-type': 'application/json' },
      rawBody: JSON.stringify({ client_id: TEST_CLIENTS.rs256, connection: 'sms-bad-token', phone_number: '+15550105353' }),
      ip: '127.0.0.3',
    });
    expect(JSON.parse(bad.body)).toEqual({ error: 'sms_provider_error', error_description: 'Authenticate (Code: 20003)' });
    twilio.failNext(503);
    const down = await sdk.call('passwordless.sendSMS', { phone_number: '+15550105454' });
    expect(down).toMatchObject({ ok: false, error: { statusCode: 400, name: 'sms_provider_error' } });
  });
});
