import { TEST_CLIENTS } from '@oauth-ro/test-kit';
import { decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsSender } from '../sms/create-sms-sender.js';
import { startGatewaySink, type GatewaySink } from './gateway-sink.js';
import { serveOverTls, type OAuthRoOverTls } from './serve-over-tls.js';
import { startSdkDriver, type SdkDriver } from './start-sdk-driver.js';

const GATEWAY_SECRET = 'a-gateway-secret-of-enough-length';

/**
 * The `auth0` Node SDK v2 (2.9.1), unmodified, against oauth-ro over real TLS:
 * `passwordless.sendSMS` sends through a real HTTP gateway the test runs (authenticated with
 * Auth0's gateway JWT), the code is read from what the gateway received, and
 * `passwordless.signIn` logs in with it.
 */
describe('auth0 Node SDK v2: passwordless SMS through an sms_gateway', () => {
  let sink: GatewaySink;
  let served: OAuthRoOverTls;
  let sdk: SdkDriver;

  beforeAll(async () => {
    sink = await startGatewaySink();
    served = await serveOverTls(
      [
        {
          name: 'sms',
          strategy: 'sms',
          enabled_clients: [TEST_CLIENTS.rs256],
          options: {
            provider: 'sms_gateway',
            gateway_url: `${sink.url}/send`,
            gateway_authentication: { method: 'bearer', subject: 'urn:oauth-ro', audience: 'urn:test-gateway', secret: GATEWAY_SECRET },
            forward_req_info: true,
            from: '+15550109999',
            template: 'Your verification code is @@password@@',
            totp: { time_step: 300, length: 6 },
          },
        },
      ],
      { sms: createSmsSender({ timeoutMs: 5000 }) },
    );
    sdk = await startSdkDriver({ domain: served.domain, clientId: TEST_CLIENTS.rs256, certPath: served.certPath });
  });

  afterAll(async () => {
    await sdk?.close();
    await served?.close();
    await sink?.close();
  });

  it("sends the code to the gateway with Auth0's payload and JWT, and signs in with it", async () => {
    const phone = '+15550104242';
    const started = await sdk.call('passwordless.sendSMS', { phone_number: phone });
    expect(started).toEqual({ ok: true, value: { _id: expect.stringMatching(/^[0-9a-f]{24}$/), phone_number: phone, phone_verified: false } });

    const call = sink.calls.at(-1)!;
    expect(call.json).toEqual({
      recipient: phone,
      body: expect.stringMatching(/^Your verification code is [0-9]{6}$/),
      sender: '+15550109999',
      // forward_req_info: the start request's address (this SDK sends no User-Agent).
      req: { ip: expect.stringMatching(/127\.0\.0\.1$/) },
    });
    const bearer = /^Bearer (.+)$/.exec(call.headers.authorization ?? '')?.[1];
    const { payload } = await jwtVerify(bearer!, new TextEncoder().encode(GATEWAY_SECRET), { audience: 'urn:test-gateway', subject: 'urn:oauth-ro' });
    expect(payload.exp! - payload.iat!).toBe(300);

    const signedIn = await sdk.call('passwordless.signIn', { username: phone, password: sink.codeFor(phone)! });
    expect(signedIn).toMatchObject({ ok: true, value: { token_type: 'bearer', access_token: expect.any(String), id_token: expect.any(String) } });
    const _id = started.ok ? started.value._id : '';
    expect(decodeJwt(signedIn.ok ? signedIn.value.id_token : '').sub).toBe(`sms|${_id}`);
    expect(await served.test.deps.users.findById(`sms|${_id}`)).toMatchObject({ phone_number: phone, profile: { phone_verified: true } });

    // The second login finds the same user.
    await sdk.call('passwordless.sendSMS', { phone_number: phone });
    const again = await sdk.call('passwordless.signIn', { username: phone, password: sink.codeFor(phone)! });
    expect(decodeJwt(again.ok ? again.value.id_token : '').sub).toBe(`sms|${_id}`);
  });

  it('rejects a wrong code with invalid_user_password', async () => {
    const phone = '+15550104343';
    await sdk.call('passwordless.sendSMS', { phone_number: phone });
    const code = sink.codeFor(phone)!;
    const answer = await sdk.call('passwordless.signIn', { username: phone, password: code === '000000' ? '000001' : '000000' });
    expect(answer).toMatchObject({ ok: false, error: { statusCode: 401, name: 'invalid_user_password' } });
  });

  it('refuses a number that is not E.164 with bad.phone_number, without calling the gateway', async () => {
    const before = sink.calls.length;
    const answer = await sdk.call('passwordless.sendSMS', { phone_number: '5550104545' });
    expect(answer).toMatchObject({ ok: false, error: { statusCode: 400, name: 'bad.phone_number' } });
    expect(sink.calls).toHaveLength(before);
  });

  it('answers sms_provider_error when the gateway refuses, and the unsent code does not log in', async () => {
    const phone = '+15550104444';
    sink.answer(401);
    let answer;
    try {
      answer = await sdk.call('passwordless.sendSMS', { phone_number: phone });
    } finally {
      sink.answer(200);
    }
    expect(answer).toMatchObject({ ok: false, error: { statusCode: 400, name: 'sms_provider_error' } });
    const unsent = sink.codeFor(phone)!;
    expect(await sdk.call('passwordless.signIn', { username: phone, password: unsent })).toMatchObject({ ok: false, error: { statusCode: 401 } });
  });
});
