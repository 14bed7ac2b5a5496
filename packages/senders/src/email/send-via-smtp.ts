import { err, ok, type OutgoingMessage, type Result, type SendFailure } from '@oauth-ro/core/ports';
import type { Transporter } from 'nodemailer';

/** A body that carries markup is sent as HTML with a plain-text twin; anything else as text. */
export function mailBodies(body: string): { html?: string; text: string } {
  if (!/<[a-zA-Z][^>]*>/.test(body)) return { text: body };
  const text = body
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|h[1-6]|li|tr)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { html: body, text };
}

/** A nodemailer failure as a caller-facing description (no server banner, no credentials). */
export function describeSmtpError(error: unknown): { description: string; responseCode?: number; code?: string } {
  const e = error as { responseCode?: unknown; code?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (typeof e.responseCode === 'number') {
    return { description: `The mail server refused the message (SMTP ${e.responseCode}).`, responseCode: e.responseCode, ...(code ? { code } : {}) };
  }
  if (code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET' || code === 'EDNS') {
    return { description: 'The mail server could not be reached.', code };
  }
  if (code === 'EAUTH') return { description: 'The mail server refused our credentials.', code };
  return { description: 'The email could not be sent.', ...(code ? { code } : {}) };
}

/**
 * Sends one passwordless email through a nodemailer SMTP transport.
 *
 * @example await sendViaSmtp(transport, message, 'RS256 app <login@example.com>');
 */
export async function sendViaSmtp(
  transport: Transporter,
  message: OutgoingMessage,
  from: string,
): Promise<Result<{ messageId?: string }, SendFailure & { responseCode?: number; code?: string }>> {
  try {
    const info = (await transport.sendMail({ from, to: message.recipient, subject: message.subject ?? '', ...mailBodies(message.body) })) as { messageId?: string };
    return ok(info.messageId ? { messageId: info.messageId } : {});
  } catch (error) {
    return err(describeSmtpError(error));
  }
}
