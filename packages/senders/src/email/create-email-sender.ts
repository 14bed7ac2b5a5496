import { ConfigurationError, err, ok, type ConnectionConfig, type Logger, type MessageSender, type OutgoingMessage, type Result, type SendFailure } from '@oauth-ro/core/ports';
import { createTransport, type Transporter } from 'nodemailer';
import { printToConsole, type DevelopmentOutbox } from '../development/development-outbox.js';
import { emailProviderOf, parseEmailProvider, type EmailProviderOptions } from '../options/parse-email-options.js';
import { sendViaSmtp } from './send-via-smtp.js';

/** Tuning of {@link createEmailSender}. */
export interface EmailSenderOptions {
  /**
   * The provider of connections without their own `options.email_provider`, in Auth0's
   * `/api/v2/emails/provider` shape: `{ name: 'smtp', credentials: { smtp_host, smtp_port, smtp_user,
   * smtp_pass }, default_from_address }` or `{ name: 'development' }`.
   */
  readonly provider?: Readonly<Record<string, unknown>>;
  /** Where `provider` sits in the configuration, for start-up errors. Default `email provider`. */
  readonly providerPath?: string;
  /** Receives failures (SMTP codes, never the message). */
  readonly logger?: Logger;
  /** Where the `development` provider puts messages (they hold codes, so never a log). Default: stderr. */
  readonly developmentOutbox?: DevelopmentOutbox;
  /** Connection, greeting and socket timeout per SMTP exchange. Default 10 000. */
  readonly timeoutMs?: number;
  /** Whether the `development` provider may be configured. Default: unless `NODE_ENV` is `production`. */
  readonly allowDevelopment?: boolean;
}

/** The `email` sender, with start-up validation and a `close` for its SMTP transports. */
export interface EmailSender extends MessageSender {
  validate(connection: ConnectionConfig, path?: string): void;
  close(): Promise<void>;
}

interface Prepared {
  readonly provider: EmailProviderOptions;
  readonly transport?: Transporter;
}

function templateFrom(connection: ConnectionConfig): unknown {
  const email = connection.options.email;
  return typeof email === 'object' && email !== null ? (email as Record<string, unknown>).from : undefined;
}

/**
 * The sender of `email` connections: SMTP through nodemailer (one transport per connection, opened
 * per message, STARTTLS when the server offers it, implicit TLS on port 465), or `development`,
 * which hands the message, code included, to the development outbox (stderr by default, never
 * the log) instead of sending it.
 *
 * @example
 * const email = createEmailSender({ provider: { name: 'smtp', credentials: { smtp_host: 'smtp.example.com', smtp_port: 587, smtp_user: 'u', smtp_pass: 'p' } } });
 * const oauthRo = await createOAuthRo({ config, deps: { ...deps, senders: { email } } });
 */
export function createEmailSender(options: EmailSenderOptions = {}): EmailSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 120_000) throw new RangeError('createEmailSender: timeoutMs must be from 1 to 120000');
  const allowDevelopment = options.allowDevelopment ?? process.env.NODE_ENV !== 'production';
  const fallback = options.provider ? parseEmailProvider(options.provider, options.providerPath ?? 'email provider') : undefined;
  const prepared = new WeakMap<ConnectionConfig, Prepared>();
  const transports = new Set<Transporter>();

  function prepare(connection: ConnectionConfig, path: string, requireFrom = true): Prepared {
    const known = prepared.get(connection);
    if (known) return known;
    const provider = emailProviderOf(connection, path, fallback);
    if (provider.name === 'development' && !allowDevelopment) {
      throw new ConfigurationError(`${path}.options.email_provider.name`, 'development is refused when NODE_ENV is production');
    }
    if (requireFrom && templateFrom(connection) === undefined && provider.default_from_address === undefined) {
      throw new ConfigurationError(`${path}.options.email.from`, 'is required when the email provider has no default_from_address');
    }
    let transport: Transporter | undefined;
    if (provider.name === 'smtp') {
      transport = createTransport({
        host: provider.host,
        port: provider.port,
        secure: provider.port === 465,
        ...(provider.user ? { auth: { user: provider.user, pass: provider.pass! } } : {}),
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      });
      transports.add(transport);
    }
    const entry: Prepared = { provider, ...(transport ? { transport } : {}) };
    prepared.set(connection, entry);
    return entry;
  }

  async function send(message: OutgoingMessage): Promise<Result<void, SendFailure>> {
    const connection = message.connection;
    let entry: Prepared;
    try {
      entry = prepare(connection, `connection ${connection.name}`, message.from === undefined);
    } catch (error) {
      options.logger?.error({ connection: connection.name, err: (error as Error).message }, 'email connection is misconfigured');
      return err({ description: 'The email provider of this connection is misconfigured.' });
    }
    const from = message.from ?? entry.provider.default_from_address;
    if (from === undefined) return err({ description: 'No sender address: set the template\'s from or the provider\'s default_from_address.' });
    if (!entry.transport) {
      (options.developmentOutbox ?? printToConsole)({
        channel: 'email',
        connection: connection.name,
        to: message.recipient,
        from,
        ...(message.subject === undefined ? {} : { subject: message.subject }),
        body: message.body,
      });
      options.logger?.warn({ connection: connection.name }, 'development email provider: message printed to the console, not sent');
      return ok(undefined);
    }
    const sent = await sendViaSmtp(entry.transport, { ...message }, from);
    if (sent.ok) return ok(undefined);
    options.logger?.warn(
      { connection: connection.name, ...(sent.error.responseCode ? { responseCode: sent.error.responseCode } : {}), ...(sent.error.code ? { code: sent.error.code } : {}) },
      'mail server refused the message',
    );
    return err({ description: sent.error.description });
  }

  return {
    send,
    validate(connection, path = `connection ${connection.name}`) {
      prepare(connection, path);
    },
    async close() {
      for (const transport of transports) transport.close();
      transports.clear();
    },
  };
}
