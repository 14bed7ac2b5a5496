import type { CoreDeps } from '../ports/deps.js';
import type { TicketKind } from '../ports/ticket-store.js';
import { hashToken } from '../tokens/hash-token.js';
import { base64UrlEncode } from '../util/encoding.js';

/** Where each kind of ticket is redeemed, relative to the issuer (Auth0's own paths). */
export const TICKET_PATHS: Readonly<Record<TicketKind, string>> = {
  reset: 'lo/reset',
  verify: 'api/v2/tickets/email-verification',
  mfa_enroll: 'guardian/enrollment',
};

/** What {@link issueTicket} needs to know. */
export interface TicketRequest {
  readonly kind: TicketKind;
  readonly user_id: string;
  readonly lifetime_s: number;
  readonly client_id?: string;
  readonly result_url?: string;
  readonly password_hash?: string;
}

/**
 * Issues a single-use ticket: 256 random bits, stored only as their SHA-256, and answers the link
 * the user follows (`{issuer}lo/reset?ticket=…#` for a reset, Auth0's form).
 *
 * @example
 * const { url } = await issueTicket(deps, 'https://auth.example.com/', { kind: 'reset', user_id, lifetime_s: 432000 });
 */
export async function issueTicket(
  deps: Pick<CoreDeps, 'tickets' | 'random' | 'clock'>,
  issuer: string,
  request: TicketRequest,
): Promise<{ url: string; ticket: string; expires_at: number }> {
  if (!deps.tickets) throw new Error('issueTicket: deps.tickets is required');
  const ticket = base64UrlEncode(deps.random.bytes(32));
  const now = deps.clock.now();
  const expires_at = now + request.lifetime_s * 1000;
  await deps.tickets.issue({
    ticket_hash: await hashToken(ticket),
    kind: request.kind,
    user_id: request.user_id,
    created_at: now,
    expires_at,
    ...(request.client_id === undefined ? {} : { client_id: request.client_id }),
    ...(request.result_url === undefined ? {} : { result_url: request.result_url }),
    ...(request.password_hash === undefined ? {} : { password_hash: request.password_hash }),
  });
  return { url: `${issuer}${TICKET_PATHS[request.kind]}?ticket=${ticket}#`, ticket, expires_at };
}

/** A presented ticket's text is plausible (base64url, the length {@link issueTicket} makes). */
export function isTicketText(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
