import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { listenLocal, type FakeReply } from '@oauth-ro/conformance';

/** One message the fake accepted, as Twilio would have queued it. */
export interface FakeTwilioMessage {
  readonly sid: string;
  readonly to: string;
  readonly from?: string;
  readonly messagingServiceSid?: string;
  readonly body: string;
}

/** Options of {@link startFakeTwilio}. */
export interface FakeTwilioOptions {
  /** `AC` + 32 hex; random when absent. */
  readonly accountSid?: string;
  readonly authToken?: string;
  /** Numbers Twilio refuses as non-mobile (error 21614). */
  readonly landlines?: readonly string[];
}

/** A running fake of Twilio's Messages API (2010-04-01). */
export interface FakeTwilio {
  /** Pass as the connection's `twilio_base_url`: `http://127.0.0.1:<port>`. */
  readonly baseUrl: string;
  readonly accountSid: string;
  readonly authToken: string;
  /** Messages accepted, oldest first. */
  readonly messages: FakeTwilioMessage[];
  /** Every request's method, path and form, accepted or not. */
  readonly requests: { method: string; path: string; form: URLSearchParams; authorization?: string }[];
  /** Answers the next request with this HTTP status and Twilio's error body for it (500, 503, 429). */
  failNext(status: 429 | 500 | 503): void;
  close(): Promise<void>;
}

const E164 = /^\+[1-9][0-9]{6,14}$/;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Twilio's error JSON (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions). */
function twilioError(status: number, code: number, message: string): FakeReply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }),
  };
}

function basicCredentials(header: string | undefined): { user: string; pass: string } | undefined {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!match) return undefined;
  const text = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : { user: text.slice(0, colon), pass: text.slice(colon + 1) };
}

/**
 * A local server that speaks Twilio's Messages API as Twilio documents it: `POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json` with a form body and HTTP basic authentication
 * (Account SID and Auth Token); `201` with the message resource on success; Twilio's JSON errors
 * (20003 authentication, 20404 unknown account, 21604/21602/21603 missing To/Body/From, 21211
 * invalid To, 21614 not a mobile number, 20429 and 20500 on demand) otherwise.
 *
 * @example
 * const twilio = await startFakeTwilio();
 * // connection options: { provider: 'twilio', twilio_sid: twilio.accountSid, twilio_token: twilio.authToken, twilio_base_url: twilio.baseUrl, from: '+15550100000' }
 */
export async function startFakeTwilio(options: FakeTwilioOptions = {}): Promise<FakeTwilio> {
  const accountSid = options.accountSid ?? `AC${hex(16)}`;
  const authToken = options.authToken ?? hex(16);
  const landlines = new Set(options.landlines ?? []);
  const messages: FakeTwilioMessage[] = [];
  const requests: FakeTwilio['requests'] = [];
  let nextFailure: number | undefined;
  const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;

  function handle(req: IncomingMessage, text: string): FakeReply {
    const form = new URLSearchParams((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? text : '');
    requests.push({ method: req.method ?? '', path: req.url ?? '', form, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const credentials = basicCredentials(req.headers.authorization);
    if (!credentials || credentials.user !== accountSid || credentials.pass !== authToken) {
      return { ...twilioError(401, 20003, 'Authenticate'), headers: { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="Twilio API"' } };
    }
    if (req.url !== path) return twilioError(404, 20404, `The requested resource ${req.url ?? ''} was not found`);
    if (req.method !== 'POST') return twilioError(405, 20004, 'Method not allowed');
    if (nextFailure !== undefined) {
      const status = nextFailure;
      nextFailure = undefined;
      return status === 429 ? twilioError(429, 20429, 'Too Many Requests') : twilioError(status, 20500, 'Internal Server Error');
    }
    const to = form.get('To');
    const body = form.get('Body');
    const from = form.get('From') ?? undefined;
    const messagingServiceSid = form.get('MessagingServiceSid') ?? undefined;
    if (!to) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!body) return twilioError(400, 21602, 'Message body is required.');
    if (!from && !messagingServiceSid) return twilioError(400, 21603, "A 'From' phone number is required.");
    if (!E164.test(to)) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (landlines.has(to)) return twilioError(400, 21614, `'To' number ${to} is not a valid mobile number`);
    const sid = `SM${hex(16)}`;
    messages.push({ sid, to, body, ...(from ? { from } : {}), ...(messagingServiceSid ? { messagingServiceSid } : {}) });
    const now = new Date().toUTCString().replace('GMT', '+0000');
    return {
      status: 201,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({
        account_sid: accountSid,
        api_version: '2010-04-01',
        body,
        date_created: now,
        date_sent: null,
        date_updated: now,
        direction: 'outbound-api',
        error_code: null,
        error_message: null,
        from: from ?? null,
        messaging_service_sid: messagingServiceSid ?? null,
        num_media: '0',
        num_segments: '1',
        price: null,
        price_unit: 'USD',
        sid,
        status: messagingServiceSid && !from ? 'accepted' : 'queued',
        subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
        to,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
      }),
    };
  }

  const server = await listenLocal(handle);
  return {
    baseUrl: server.url,
    accountSid,
    authToken,
    messages,
    requests,
    failNext(status) {
      nextFailure = status;
    },
    close: () => server.close(),
  };
}
