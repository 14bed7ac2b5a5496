import type { ConnectionConfig } from '../config/types.js';
import type { Result } from '../util/result.js';

/** One message for a passwordless connection, already rendered by core. */
export interface OutgoingMessage {
  /** The connection the code is for; providers read their settings from `connection.options`. */
  readonly connection: ConnectionConfig;
  /** E.164 phone number (`sms`) or normalised address (`email`). */
  readonly recipient: string;
  /** The text, code included. Implementations must never log it. */
  readonly body: string;
  /** Email only: the rendered subject. */
  readonly subject?: string;
  /** The sender as configured (`from` option, or the email template's `from`), if any. */
  readonly from?: string;
  /** Client the code was requested for (for templates and provider metadata). */
  readonly client_id: string;
  /** The `/passwordless/start` request, for gateways that ask for it (Auth0's `forward_req_info`). */
  readonly request_info?: { readonly ip: string; readonly user_agent?: string };
}

/** Why a message could not be sent; the description is shown to the caller, so it holds no secret. */
export interface SendFailure {
  readonly description: string;
}

/**
 * Delivers passwordless messages (SMS gateway, Twilio, SMTP, …). Implementations live outside core
 * (`@oauth-ro/senders`) and are passed in `deps.senders`, keyed by strategy (`sms`, `email`).
 * A failure is a value; a throw is treated the same way. Either way the code is withdrawn and the
 * caller gets `sms_provider_error`. Implementations bound the time a send may take.
 *
 * @example
 * const sms: MessageSender = createSmsSender({ logger });
 * createOAuthRo({ config, deps: { ...deps, senders: { sms } } });
 */
export interface MessageSender {
  send(message: OutgoingMessage): Promise<Result<void, SendFailure>>;
  /**
   * Checks a connection's provider options at start-up; throws a `ConfigurationError` naming
   * `path` (e.g. `connections[2].options.gateway_url`) when they cannot work.
   */
  validate?(connection: ConnectionConfig, path: string): void;
  /** Releases pooled connections; called on shutdown. */
  close?(): Promise<void>;
}
