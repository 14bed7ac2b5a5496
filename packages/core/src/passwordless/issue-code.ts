import type { ClientConfig, ConnectionConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import type { OutgoingMessage, SendFailure } from '../ports/message-sender.js';
import { err, ok, type Result } from '../util/result.js';
import { generateCode } from './generate-code.js';
import { hashCode } from './hash-code.js';
import { messageSubject, messageTemplate, type PasswordlessSettings } from './read-passwordless-settings.js';
import { renderTemplate, type PasswordlessSend } from './render-template.js';

/** What {@link issueCode} sends a code for. */
export interface CodeRequest {
  readonly connection: ConnectionConfig;
  readonly settings: PasswordlessSettings;
  readonly client: ClientConfig;
  /** Normalised: E.164 or lower-cased address. */
  readonly recipient: string;
  /** Client IP and user agent of the start request, passed on to the sender. */
  readonly request_info?: OutgoingMessage['request_info'];
  /** What is sent (default `code`). */
  readonly send?: PasswordlessSend;
  /**
   * A secret made by the caller instead of a fresh numeric code: a magic link's token and its bound
   * hash, or a code and the app link that carries it ({@link prepareMagicLink}).
   */
  readonly secret?: PreparedSecret;
}

/** A one-time secret ready to store and send. */
export interface PreparedSecret {
  /** The code or link token (`{{ code }}`); never logged. */
  readonly value: string;
  /** Its keyed hash, as stored. */
  readonly hash: string;
  /** The link that carries it (`{{ link }}`), for the link kinds. */
  readonly link?: string;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Makes a new code for the recipient (or takes the caller's link secret), stores its keyed hash (replacing any earlier code, so only
 * the newest counts), then has the connection's sender deliver it. The code is stored before it is
 * sent, so it works the moment it arrives; if sending fails or throws, that code is withdrawn
 * again (a newer one issued meanwhile is left alone) and the answer is `sms_provider_error`.
 * The code never reaches a log line.
 *
 * @example const sent = await issueCode(deps, codeKey, { connection, settings, client, recipient: '+15550100000' });
 */
export async function issueCode(
  deps: Pick<CoreDeps, 'codes' | 'senders' | 'random' | 'clock' | 'logger'>,
  codeKey: CryptoKey,
  request: CodeRequest,
): Promise<Result<void, OAuthError>> {
  const { connection, settings, client, recipient } = request;
  const sender = deps.senders?.[settings.strategy];
  if (!deps.codes || !sender) {
    return err(oauthError('temporarily_unavailable', `the ${settings.strategy} strategy of connection ${connection.name} is not installed`));
  }
  const send = request.send ?? 'code';
  const code = request.secret?.value ?? generateCode(deps.random, settings.length);
  const code_hash = request.secret?.hash ?? (await hashCode(codeKey, connection.name, recipient, code));
  const now = deps.clock.now();
  await deps.codes.issue(connection.name, recipient, { code_hash, expires_at: now + settings.time_step * 1000, max_attempts: settings.max_attempts });

  const link = request.secret?.link;
  const values = { code, application_name: client.name ?? client.client_id, connection_name: connection.name, send, ...(link === undefined ? {} : { link }) };
  const render = (template: string, syntax = settings.syntax) => renderTemplate(template, syntax, values);
  const kind = send === 'code' ? 'code' : 'link';
  const body = messageTemplate(settings, kind);
  const subject = messageSubject(settings, kind);
  let failure: SendFailure | undefined;
  try {
    const sent = await sender.send({
      connection,
      recipient,
      client_id: client.client_id,
      body: render(body.template, body.syntax),
      ...(subject === undefined ? {} : { subject: render(subject) }),
      ...(settings.from === undefined ? {} : { from: render(settings.from) }),
      ...(request.request_info === undefined ? {} : { request_info: request.request_info }),
    });
    if (!sent.ok) failure = sent.error;
  } catch (error) {
    failure = { description: 'the message could not be sent' };
    deps.logger?.error({ connection: connection.name, err: describe(error) }, 'passwordless sender threw');
  }
  if (!failure) return ok(undefined);

  try {
    await deps.codes.revoke(connection.name, recipient, code_hash);
  } catch (error) {
    // The code was never delivered, so nobody knows it; it still dies at expires_at.
    deps.logger?.error({ connection: connection.name, err: describe(error) }, 'could not withdraw an unsent passwordless code');
  }
  deps.logger?.warn({ event: 'fcpls', connection: connection.name, error: failure.description }, 'passwordless message not sent');
  return err(oauthError('sms_provider_error', failure.description));
}
