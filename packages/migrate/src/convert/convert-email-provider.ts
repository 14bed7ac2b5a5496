import { isRecord, stringOf, type Auth0Record, type MigrationContext } from './migration-context.js';

/**
 * The tenant's email provider as oauth-ro's top-level `email_provider` (Auth0's Management API
 * shape): SMTP carries over with its password as an `env:` reference; another provider (SendGrid,
 * Mandrill, SES, …) is a warning and becomes SMTP with `env:` references to fill in.
 *
 * @example convertEmailProvider({ name: 'smtp', credentials: { smtp_host: 'smtp.example.com' } }, context);
 */
export function convertEmailProvider(provider: Auth0Record, context: MigrationContext): Auth0Record {
  const smtp = provider.name === 'smtp';
  if (!smtp) context.warnings.push(`email_provider: Auth0's email provider "${String(provider.name)}" is not supported; oauth-ro sends over SMTP`);
  const credentials = smtp && isRecord(provider.credentials) ? provider.credentials : {};
  const port = credentials.smtp_port;
  return {
    name: 'smtp',
    ...(typeof provider.enabled === 'boolean' ? { enabled: provider.enabled } : {}),
    ...(stringOf(provider.default_from_address) ? { default_from_address: provider.default_from_address } : {}),
    credentials: {
      smtp_host: stringOf(credentials.smtp_host) ?? context.envReference('email_provider', 'smtp_host', 'email_provider.credentials.smtp_host', 'the SMTP server'),
      smtp_port: typeof port === 'number' ? port : 587,
      smtp_user: stringOf(credentials.smtp_user) ?? context.envReference('email_provider', 'smtp_user', 'email_provider.credentials.smtp_user', 'the SMTP user'),
      smtp_pass: context.envReference('email_provider', 'smtp_pass', 'email_provider.credentials.smtp_pass', 'the SMTP password'),
    },
  };
}
