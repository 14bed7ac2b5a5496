import { ConfigurationError, err, ok, type ConnectionConfig, type Logger, type MessageSender, type OutgoingMessage, type Result, type SendFailure } from '@oauth-ro/core/ports';
import { printToConsole, type DevelopmentOutbox } from '../development/development-outbox.js';
import { parseSmsOptions, type SmsProviderOptions } from '../options/parse-sms-options.js';
import { sendViaGateway } from './send-via-gateway.js';
import { sendViaTwilio } from './send-via-twilio.js';

/** Tuning of {@link createSmsSender}. */
export interface SmsSenderOptions {
  /** Receives send failures (status and provider codes, never the message). */
  readonly logger?: Logger;
  /** Where the `development` provider puts messages (they hold codes, so never a log). Default: stderr. */
  readonly developmentOutbox?: DevelopmentOutbox;
  /** Per provider call. Default 10 000 (Auth0 waited up to 30 s for a gateway). */
  readonly timeoutMs?: number;
  /** Whether `provider: development` may be configured. Default: unless `NODE_ENV` is `production`. */
  readonly allowDevelopment?: boolean;
  /** Epoch milliseconds, for gateway token timestamps. */
  readonly now?: () => number;
}

/** The `sms` sender, with start-up validation of each connection's provider options. */
export interface SmsSender extends MessageSender {
  validate(connection: ConnectionConfig, path?: string): void;
}

/**
 * The sender of `sms` connections: picks the provider each connection names (`sms_gateway`,
 * `twilio`, or `development`, which hands the message, code included, to the development outbox
 * (stderr by default, never the log) instead of sending it) and
 * answers a failure value Auth0-style when the provider does not take the message.
 *
 * @example
 * const sms = createSmsSender({ logger });
 * const oauthRo = await createOAuthRo({ config, deps: { ...deps, senders: { sms } } });
 */
export function createSmsSender(options: SmsSenderOptions = {}): SmsSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 120_000) throw new RangeError('createSmsSender: timeoutMs must be from 1 to 120000');
  const allowDevelopment = options.allowDevelopment ?? process.env.NODE_ENV !== 'production';
  const now = options.now ?? Date.now;
  const parsed = new WeakMap<ConnectionConfig, SmsProviderOptions>();

  function providerOf(connection: ConnectionConfig, path: string): SmsProviderOptions {
    let provider = parsed.get(connection);
    if (!provider) {
      provider = parseSmsOptions(connection, path);
      if (provider.provider === 'development' && !allowDevelopment) {
        throw new ConfigurationError(`${path}.options.provider`, 'development is refused when NODE_ENV is production');
      }
      parsed.set(connection, provider);
    }
    return provider;
  }

  async function send(message: OutgoingMessage): Promise<Result<void, SendFailure>> {
    const connection = message.connection;
    let provider: SmsProviderOptions;
    try {
      provider = providerOf(connection, `connection ${connection.name}`);
    } catch (error) {
      options.logger?.error({ connection: connection.name, err: (error as Error).message }, 'sms connection is misconfigured');
      return err({ description: 'The SMS provider of this connection is misconfigured.' });
    }
    if (provider.provider === 'development') {
      (options.developmentOutbox ?? printToConsole)({
        channel: 'sms',
        connection: connection.name,
        to: message.recipient,
        ...(message.from === undefined ? {} : { from: message.from }),
        body: message.body,
      });
      options.logger?.warn({ connection: connection.name }, 'development SMS provider: message printed to the console, not sent');
      return ok(undefined);
    }
    const sent = provider.provider === 'twilio' ? await sendViaTwilio(provider, message, timeoutMs) : await sendViaGateway(provider, message, timeoutMs, now());
    if (sent.ok) return ok(undefined);
    options.logger?.warn(
      { connection: connection.name, provider: provider.provider, ...('status' in sent.error ? { status: sent.error.status } : {}), ...('code' in sent.error ? { code: sent.error.code } : {}) },
      'SMS provider refused the message',
    );
    return err({ description: sent.error.description });
  }

  return {
    send,
    validate(connection, path = `connection ${connection.name}`) {
      providerOf(connection, path);
    },
  };
}
