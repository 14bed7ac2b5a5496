import { err, ok, type OutgoingMessage, type Result, type SendFailure } from '@oauth-ro/core/ports';
import { post } from '../http/post.js';
import type { SmsProviderOptions } from '../options/parse-sms-options.js';
import { mapTwilioError } from './map-twilio-error.js';

type TwilioOptions = Extract<SmsProviderOptions, { provider: 'twilio' }>;

/** The Messages resource of an account, under the configured base URL (which may carry a path prefix). */
export function twilioMessagesUrl(options: Pick<TwilioOptions, 'base_url' | 'twilio_sid'>): string {
  return `${options.base_url.href.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(options.twilio_sid)}/Messages.json`;
}

/**
 * Sends one SMS through Twilio's Messages API exactly as Twilio documents it: POST
 * `/2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded `To`, `Body` and
 * `MessagingServiceSid` (preferred when set) or `From`, HTTP basic authentication with the Account
 * SID and Auth Token. Success is `201` with the message resource; errors are Twilio's JSON, passed
 * on as `{message} (Code: {code})`.
 *
 * @example await sendViaTwilio(options, message, 10_000);
 */
export async function sendViaTwilio(
  options: TwilioOptions,
  message: OutgoingMessage,
  timeoutMs: number,
): Promise<Result<{ status: number; sid?: string }, SendFailure & { status?: number; code?: number }>> {
  const form = new URLSearchParams({ To: message.recipient, Body: message.body });
  if (options.messaging_service_sid) form.set('MessagingServiceSid', options.messaging_service_sid);
  else form.set('From', options.from ?? message.from ?? '');
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
    authorization: `Basic ${Buffer.from(`${options.twilio_sid}:${options.twilio_token}`).toString('base64')}`,
  };
  const reply = await post(twilioMessagesUrl(options), headers, form.toString(), timeoutMs);
  if (reply.kind === 'unreachable') return err({ description: `Twilio could not be reached (${reply.reason}).` });
  if (reply.status >= 200 && reply.status < 300) {
    let sid: string | undefined;
    try {
      const parsed = JSON.parse(reply.text) as { sid?: unknown };
      sid = typeof parsed.sid === 'string' ? parsed.sid : undefined;
    } catch {
      sid = undefined;
    }
    return ok({ status: reply.status, ...(sid ? { sid } : {}) });
  }
  return err({ ...mapTwilioError(reply.status, reply.text), status: reply.status });
}
