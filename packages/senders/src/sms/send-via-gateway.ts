import { err, ok, type OutgoingMessage, type Result, type SendFailure } from '@oauth-ro/core/ports';
import { post } from '../http/post.js';
import type { SmsProviderOptions } from '../options/parse-sms-options.js';
import { gatewayToken } from './gateway-token.js';

type GatewayOptions = Extract<SmsProviderOptions, { provider: 'sms_gateway' }>;

/** A gateway answer that is not a success, in Auth0's words where Auth0 had them. */
function describeStatus(status: number): string {
  return status === 401 ? `Authentication failed while calling the SMS gateway: ${status}.` : `The SMS gateway answered ${status}.`;
}

/**
 * Sends through a custom SMS gateway the way Auth0's `sms_gateway` provider did: POST JSON
 * `{recipient, body, sender}` (plus `req: {ip, user-agent}` with `forward_req_info`) to
 * `gateway_url`, with a bearer JWT when `gateway_authentication` is set. Any 2xx is success; the
 * answer's body is ignored.
 *
 * @example await sendViaGateway(options, message, 10_000, Date.now());
 */
export async function sendViaGateway(
  options: GatewayOptions,
  message: OutgoingMessage,
  timeoutMs: number,
  nowMs: number,
): Promise<Result<{ status: number }, SendFailure & { status?: number }>> {
  const payload: Record<string, unknown> = { recipient: message.recipient, body: message.body };
  if (message.from !== undefined) payload.sender = message.from;
  if (options.forward_req_info && message.request_info) {
    payload.req = { ip: message.request_info.ip, ...(message.request_info.user_agent ? { 'user-agent': message.request_info.user_agent } : {}) };
  }
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.authentication) headers.authorization = `Bearer ${await gatewayToken(options.authentication, nowMs)}`;
  const reply = await post(options.gateway_url.href, headers, JSON.stringify(payload), timeoutMs);
  if (reply.kind === 'unreachable') return err({ description: `The SMS gateway could not be reached (${reply.reason}).` });
  if (reply.status >= 200 && reply.status < 300) return ok({ status: reply.status });
  return err({ description: describeStatus(reply.status), status: reply.status });
}
