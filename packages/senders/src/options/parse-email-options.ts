import type { ConnectionConfig } from '@oauth-ro/core/ports';
import { optionReader } from './option-reader.js';

/** An email provider in the shape of Auth0's `/api/v2/emails/provider`, validated. */
export type EmailProviderOptions =
  | {
      readonly name: 'smtp';
      readonly host: string;
      readonly port: number;
      readonly user?: string;
      readonly pass?: string;
      readonly default_from_address?: string;
    }
  | { readonly name: 'development'; readonly default_from_address?: string };

/**
 * Validates an email provider (`{ name: 'smtp', credentials: { smtp_host, smtp_port, smtp_user,
 * smtp_pass }, default_from_address }` or `{ name: 'development' }`). `raw` comes from a connection's
 * `options.email_provider` or from the sender's default. Throws `ConfigurationError` naming `path`.
 *
 * @example parseEmailProvider({ name: 'smtp', credentials: { smtp_host: 'smtp.example.com', smtp_port: 587 } }, 'email_provider');
 */
export function parseEmailProvider(raw: Readonly<Record<string, unknown>>, path: string): EmailProviderOptions {
  const read = optionReader(raw, path);
  const name = read.required('name');
  const default_from_address = read.string('default_from_address');
  const from = default_from_address ? { default_from_address } : {};
  if (name === 'development') return { name, ...from };
  if (name !== 'smtp') return read.fail('name', 'must be smtp or development');
  const credentials = read.object('credentials') ?? read.fail('credentials', 'is required with name smtp');
  const c = optionReader(credentials, `${path}.credentials`);
  const host = c.required('smtp_host');
  const port = credentials.smtp_port ?? 587;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) c.fail('smtp_port', 'must be a port number');
  const user = c.string('smtp_user');
  const pass = c.string('smtp_pass');
  if ((user === undefined) !== (pass === undefined)) c.fail(user === undefined ? 'smtp_user' : 'smtp_pass', 'is required with the other one');
  return { name, host, port: port as number, ...(user ? { user, pass: pass! } : {}), ...from };
}

/**
 * The email provider of a connection: its own `options.email_provider`, else the sender's default.
 * Throws when there is neither.
 *
 * @example emailProviderOf(connection, 'connections[2]', defaultProvider);
 */
export function emailProviderOf(connection: ConnectionConfig, path: string, fallback: EmailProviderOptions | undefined): EmailProviderOptions {
  const read = optionReader(connection.options, `${path}.options`);
  const own = read.object('email_provider');
  if (own) return parseEmailProvider(own, `${path}.options.email_provider`);
  return fallback ?? read.fail('email_provider', 'is required (or give createEmailSender a default provider)');
}
