import type { ClientConfig, ConnectionConfig, EmailTemplateName, OAuthRoConfig } from '../config/types.js';
import type { CoreDeps } from '../ports/deps.js';
import type { UserRecord } from '../ports/user-store.js';
import { accountTemplate, deliverAccountEmail, renderAccountEmail } from './account-email.js';
import { issueTicket } from './issue-ticket.js';

const KIND = { reset_email: 'reset', verify_email: 'verify', enrollment_email: 'mfa_enroll' } as const;

/**
 * Issues a reset or verification ticket for a user and emails its link with the configured
 * template. False when nothing was sent (template disabled, no sender, no address, refused header,
 * provider failure); the ticket of an unsent email is useless but harmless and expires.
 *
 * @example await sendTicketEmail(deps, config, 'reset_email', { user, connection, client });
 */
export async function sendTicketEmail(
  deps: Pick<CoreDeps, 'tickets' | 'random' | 'clock' | 'senders' | 'logger'>,
  config: OAuthRoConfig,
  name: EmailTemplateName,
  input: { user: UserRecord; connection: ConnectionConfig; client: ClientConfig | undefined; password_hash?: string },
): Promise<boolean> {
  const template = accountTemplate(config, name);
  if (!template || !deps.tickets || !input.user.email) return false;
  const { url } = await issueTicket(deps, config.issuer, {
    kind: KIND[name],
    user_id: input.user.user_id,
    lifetime_s: template.urlLifetimeInSeconds,
    ...(input.client ? { client_id: input.client.client_id } : {}),
    ...(template.resultUrl === undefined ? {} : { result_url: template.resultUrl }),
    ...(input.password_hash === undefined ? {} : { password_hash: input.password_hash }),
  });
  const email = renderAccountEmail(template, { user: input.user, client: input.client, connection: input.connection, url, issuer: config.issuer });
  if (!email.ok) {
    deps.logger?.warn({ user_id: input.user.user_id, template: name, reason: email.error }, 'account email refused');
    return false;
  }
  return deliverAccountEmail(deps, input.connection, input.user, email.value, input.client?.client_id ?? '');
}
