/** Twilio's JSON error body (https://www.twilio.com/docs/usage/twilios-response). */
export interface TwilioError {
  readonly code?: number;
  readonly message?: string;
  readonly status?: number;
  readonly more_info?: string;
}

/**
 * The caller-facing description of a failed Twilio call: Twilio's own message and error code (as
 * Auth0 passed them on, e.g. `The 'To' number +1555… is not a valid phone number. (Code: 21211)`),
 * or the HTTP status when the body is not Twilio's error JSON. Messages are cut to 300 characters.
 *
 * @example mapTwilioError(400, '{"code":21211,"message":"Invalid To","status":400}'); // { description: 'Invalid To (Code: 21211)', code: 21211 }
 */
export function mapTwilioError(status: number, text: string): { description: string; code?: number } {
  let body: TwilioError | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) body = parsed;
  } catch {
    body = undefined;
  }
  const code = typeof body?.code === 'number' ? body.code : undefined;
  const message = typeof body?.message === 'string' ? body.message.slice(0, 300) : undefined;
  if (message === undefined) return { description: `Twilio answered ${status}.`, ...(code === undefined ? {} : { code }) };
  return code === undefined ? { description: message } : { description: `${message} (Code: ${code})`, code };
}
