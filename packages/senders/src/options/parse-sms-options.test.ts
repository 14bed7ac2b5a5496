import { ConfigurationError, type ConnectionConfig } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import { parseSmsOptions } from './parse-sms-options.js';

const sms = (options: Record<string, unknown>): ConnectionConfig => ({ name: 'sms', strategy: 'sms', enabled_clients: [], options });
const SID = `AC${'a'.repeat(32)}`;

describe('parseSmsOptions', () => {
  it('reads an sms_gateway with Auth0 gateway_authentication (plain and base64url secrets)', () => {
    const plain = parseSmsOptions(sms({ provider: 'sms_gateway', gateway_url: 'https://sms.example.com/send', gateway_authentication: { method: 'bearer', subject: 's', audience: 'a', secret: 'sixteen-bytes-ok!' } }), 'c');
    expect(plain).toMatchObject({ provider: 'sms_gateway', forward_req_info: false, authentication: { subject: 's', audience: 'a' } });
    const encoded = parseSmsOptions(
      sms({ provider: 'sms_gateway', gateway_url: 'https://sms.example.com/send', gateway_authentication: { secret: Buffer.alloc(32, 1).toString('base64url'), secret_base64_encoded: true } }),
      'c',
    );
    expect(encoded.provider === 'sms_gateway' && encoded.authentication?.secret).toEqual(new Uint8Array(32).fill(1));
  });

  it('reads twilio with from or a messaging service, defaulting the base URL, and defaults the provider to twilio', () => {
    expect(parseSmsOptions(sms({ twilio_sid: SID, twilio_token: 't', from: '+15550100000' }), 'c')).toMatchObject({
      provider: 'twilio',
      from: '+15550100000',
      base_url: new URL('https://api.twilio.com'),
    });
    expect(parseSmsOptions(sms({ provider: 'twilio', twilio_sid: SID, twilio_token: 't', messaging_service_sid: `MG${'b'.repeat(32)}`, twilio_base_url: 'http://127.0.0.1:9' }), 'c')).toMatchObject({
      messaging_service_sid: `MG${'b'.repeat(32)}`,
      base_url: new URL('http://127.0.0.1:9'),
    });
  });

  it.each([
    [{ provider: 'carrier-pigeon' }, 'connections[2].options.provider'],
    [{ provider: 'sms_gateway' }, 'connections[2].options.gateway_url: is required'],
    [{ provider: 'sms_gateway', gateway_url: 'http://sms.example.com/send' }, 'connections[2].options.gateway_url: must be an https URL'],
    [{ provider: 'sms_gateway', gateway_url: 'not a url' }, 'connections[2].options.gateway_url'],
    [{ provider: 'sms_gateway', gateway_url: 'https://x.example', gateway_authentication: { secret: 'short' } }, 'gateway_authentication.secret'],
    [{ provider: 'sms_gateway', gateway_url: 'https://x.example', gateway_authentication: { method: 'basic', secret: 'sixteen-bytes-ok!' } }, 'gateway_authentication.method'],
    [{ provider: 'twilio', twilio_token: 't', from: '+1' }, 'connections[2].options.twilio_sid: is required'],
    [{ provider: 'twilio', twilio_sid: 'token-in-the-wrong-place', twilio_token: 't', from: '+1' }, 'twilio_sid: must be a Twilio Account SID'],
    [{ provider: 'twilio', twilio_sid: SID, from: '+1' }, 'twilio_token'],
    [{ provider: 'twilio', twilio_sid: SID, twilio_token: 't' }, 'connections[2].options.from: or messaging_service_sid'],
    [{ provider: 'twilio', twilio_sid: SID, twilio_token: 't', messaging_service_sid: 'MG1' }, 'messaging_service_sid'],
    [{ provider: 'twilio', twilio_sid: SID, twilio_token: 't', from: '+1', twilio_base_url: 'http://api.example.com' }, 'twilio_base_url'],
  ])('refuses %j naming the path', (options, message) => {
    expect(() => parseSmsOptions(sms(options), 'connections[2]')).toThrow(ConfigurationError);
    expect(() => parseSmsOptions(sms(options), 'connections[2]')).toThrow(message);
  });

  it('never puts a secret in its error message', () => {
    const token = 'super-secret-token-value';
    expect(() => parseSmsOptions(sms({ provider: 'twilio', twilio_sid: token, twilio_token: token, from: '+1' }), 'c')).not.toThrow(token);
  });
});
