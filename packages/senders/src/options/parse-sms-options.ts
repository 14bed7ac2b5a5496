import type { ConnectionConfig } from '@oauth-ro/core/ports';
import { optionReader } from './option-reader.js';

/** Auth0's `gateway_authentication`: a JWT (HS256) in the `Authorization` header of every gateway call. */
export interface GatewayAuthentication {
  readonly subject?: string;
  readonly audience?: string;
  /** The signing key (the secret's bytes, base64url-decoded first when `secret_base64_encoded`). */
  readonly secret: Uint8Array;
}

/** An `sms` connection's provider, validated. */
export type SmsProviderOptions =
  | {
      readonly provider: 'sms_gateway';
      readonly gateway_url: URL;
      readonly authentication?: GatewayAuthentication;
      /** Auth0's `forward_req_info`: add the start request's IP and user agent as `req`. */
      readonly forward_req_info: boolean;
    }
  | {
      readonly provider: 'twilio';
      readonly twilio_sid: string;
      readonly twilio_token: string;
      readonly messaging_service_sid?: string;
      readonly from?: string;
      /** `https://api.twilio.com` unless `twilio_base_url` says otherwise (tests, Twilio edge locations). */
      readonly base_url: URL;
    }
  | { readonly provider: 'development' };

const TWILIO_ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const TWILIO_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;

/**
 * Validates an `sms` connection's provider options (Auth0 Management API names). `provider`
 * defaults to `twilio`, as on Auth0. Throws `ConfigurationError` naming `{path}.options.<key>`.
 *
 * @example parseSmsOptions(connection, 'connections[1]'); // { provider: 'sms_gateway', gateway_url: URL, … }
 */
export function parseSmsOptions(connection: ConnectionConfig, path: string): SmsProviderOptions {
  const read = optionReader(connection.options, `${path}.options`);
  const provider = read.string('provider') ?? 'twilio';
  if (provider === 'development') return { provider };
  if (provider === 'sms_gateway') {
    const gateway_url = read.url('gateway_url', read.required('gateway_url', 'is required with provider sms_gateway'));
    const auth = read.object('gateway_authentication');
    let authentication: GatewayAuthentication | undefined;
    if (auth) {
      const a = optionReader(auth, `${path}.options.gateway_authentication`);
      const method = a.string('method') ?? 'bearer';
      if (method !== 'bearer') a.fail('method', 'must be bearer');
      const secret = a.required('secret');
      const encoded = a.boolean('secret_base64_encoded') ?? false;
      const bytes = encoded ? Buffer.from(secret, 'base64url') : Buffer.from(secret, 'utf8');
      if (bytes.length < 16) a.fail('secret', 'must be at least 16 bytes');
      const subject = a.string('subject');
      const audience = a.string('audience');
      authentication = { secret: new Uint8Array(bytes), ...(subject ? { subject } : {}), ...(audience ? { audience } : {}) };
    }
    return { provider, gateway_url, forward_req_info: read.boolean('forward_req_info') ?? false, ...(authentication ? { authentication } : {}) };
  }
  if (provider === 'twilio') {
    const twilio_sid = read.required('twilio_sid', 'is required with provider twilio');
    if (!TWILIO_ACCOUNT_SID.test(twilio_sid)) read.fail('twilio_sid', 'must be a Twilio Account SID (AC followed by 32 hex digits)');
    const twilio_token = read.required('twilio_token', 'is required with provider twilio');
    const messaging_service_sid = read.string('messaging_service_sid');
    if (messaging_service_sid !== undefined && !TWILIO_SERVICE_SID.test(messaging_service_sid)) {
      read.fail('messaging_service_sid', 'must be a Messaging Service SID (MG followed by 32 hex digits)');
    }
    const from = read.string('from');
    if (!from && !messaging_service_sid) read.fail('from', 'or messaging_service_sid is required with provider twilio');
    const base_url = read.url('twilio_base_url', read.string('twilio_base_url') ?? 'https://api.twilio.com');
    return {
      provider,
      twilio_sid,
      twilio_token,
      base_url,
      ...(messaging_service_sid ? { messaging_service_sid } : {}),
      ...(from ? { from } : {}),
    };
  }
  return read.fail('provider', 'must be sms_gateway, twilio or development');
}
