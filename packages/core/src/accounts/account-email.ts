import type { ClientConfig, ConnectionConfig, EmailTemplate, EmailTemplateName, OAuthRoConfig } from '../config/types.js';
import type { CoreDeps } from '../ports/deps.js';
import type { UserRecord } from '../ports/user-store.js';
import { err, ok, type Result } from '../util/result.js';
import { escapeHtml } from './escape-html.js';

/** Auth0's default lifetimes: 5 days for every link. */
const DEFAULT_LIFETIME_S: Readonly<Record<EmailTemplateName, number>> = { reset_email: 432_000, verify_email: 432_000, enrollment_email: 432_000 };

const DEFAULTS: Readonly<Record<EmailTemplateName, { subject: string; body: string }>> = {
  reset_email: {
    subject: 'Reset your password',
    body: '<p>Hello {{ user.email }},</p><p>Someone asked to reset the password of your {{ application.name }} account. If it was you, follow this link; otherwise ignore this email.</p><p><a href="{{ url }}">{{ url }}</a></p>',
  },
  verify_email: {
    subject: 'Verify your email',
    body: '<p>Hello {{ user.email }},</p><p>Please verify the email address of your {{ application.name }} account by following this link:</p><p><a href="{{ url }}">{{ url }}</a></p>',
  },
  enrollment_email: {
    subject: 'Set up two-step verification',
    body: '<p>Hello {{ user.email }},</p><p>Your account now asks for a code from an authenticator app (Google Authenticator, Authy, 1Password…) when you log in. Follow this link to set it up; it works once:</p><p><a href="{{ url }}">{{ url }}</a></p>',
  },
};

/**
 * The template of a kind, from `email_templates` or Auth0-like defaults; undefined when the
 * configuration disabled it.
 *
 * @example const t = accountTemplate(config, 'reset_email'); t?.urlLifetimeInSeconds; // 432000
 */
export function accountTemplate(config: OAuthRoConfig, name: EmailTemplateName): (EmailTemplate & { subject: string; body: string; urlLifetimeInSeconds: number }) | undefined {
  const own = config.email_templates?.find((t) => t.template === name);
  if (own && !own.enabled) return undefined;
  return {
    ...DEFAULTS[name],
    enabled: true,
    ...own,
    template: name,
    subject: own?.subject ?? DEFAULTS[name].subject,
    body: own?.body ?? DEFAULTS[name].body,
    urlLifetimeInSeconds: own?.urlLifetimeInSeconds ?? DEFAULT_LIFETIME_S[name],
  };
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_.]*)\s*\}\}/g;

/** Values of Auth0's email placeholders. */
function placeholderValues(user: UserRecord, client: ClientConfig | undefined, connection: ConnectionConfig, url: string, issuer: string): Record<string, string> {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    url,
    'user.email': user.email ?? '',
    'user.username': user.username ?? '',
    'user.name': text(user.profile.name),
    'user.nickname': text(user.profile.nickname),
    'user.given_name': text(user.profile.given_name),
    'user.family_name': text(user.profile.family_name),
    'user.user_id': user.user_id,
    'application.name': client?.name ?? client?.client_id ?? '',
    'application.clientID': client?.client_id ?? '',
    'connection.name': connection.name,
    'tenant.friendly_name': new URL(issuer).hostname,
  };
}

/**
 * Renders `{{ … }}` placeholders: in the body each value is HTML-escaped; in the subject and
 * `from` (mail headers) values are used as text and a line break anywhere refuses the message.
 * Unknown names render empty, as in Liquid.
 */
function render(template: string, values: Readonly<Record<string, string>>, html: boolean): string {
  return template.replace(PLACEHOLDER, (_m, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name]! : '';
    return html ? escapeHtml(value) : value;
  });
}

/** One account email, rendered. */
export interface AccountEmail {
  readonly from?: string;
  readonly subject: string;
  readonly body: string;
}

/**
 * Renders a reset or verification email for a user. Refuses (a value, nothing is sent) a subject or
 * sender that would carry a line break into the mail headers.
 *
 * @example
 * const email = renderAccountEmail(template, { user, client, connection, url, issuer });
 */
export function renderAccountEmail(
  template: { from?: string; subject: string; body: string },
  input: { user: UserRecord; client: ClientConfig | undefined; connection: ConnectionConfig; url: string; issuer: string },
): Result<AccountEmail, string> {
  const values = placeholderValues(input.user, input.client, input.connection, input.url, input.issuer);
  const subject = render(template.subject, values, false);
  const from = template.from === undefined ? undefined : render(template.from, values, false);
  if (/[\r\n\0]/.test(subject) || (from !== undefined && /[\r\n\0]/.test(from))) return err('a line break in the subject or sender (header injection)');
  if (/[\r\n\0]/.test(input.user.email ?? '')) return err('a line break in the recipient (header injection)');
  return ok({ ...(from === undefined ? {} : { from }), subject, body: render(template.body, values, true) });
}

/**
 * Sends a rendered account email through the `email` sender (the tenant's `email_provider`, or the
 * development outbox). A failure is logged, never thrown: the caller already answered.
 *
 * @example await deliverAccountEmail(deps, connection, user, email, client_id);
 */
export async function deliverAccountEmail(
  deps: Pick<CoreDeps, 'senders' | 'logger'>,
  connection: ConnectionConfig,
  user: UserRecord,
  email: AccountEmail,
  client_id: string,
): Promise<boolean> {
  const sender = deps.senders?.email;
  if (!sender || !user.email) {
    deps.logger?.warn({ connection: connection.name, user_id: user.user_id }, 'no email sender: account email not sent');
    return false;
  }
  try {
    const sent = await sender.send({ connection, recipient: user.email, body: email.body, subject: email.subject, ...(email.from === undefined ? {} : { from: email.from }), client_id });
    if (!sent.ok) deps.logger?.warn({ connection: connection.name, user_id: user.user_id, reason: sent.error.description }, 'account email not sent');
    return sent.ok;
  } catch (error) {
    deps.logger?.warn({ connection: connection.name, user_id: user.user_id, err: error instanceof Error ? error.message : String(error) }, 'account email not sent');
    return false;
  }
}
