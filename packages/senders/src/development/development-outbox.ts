/** A message the `development` provider would have sent, code included. */
export interface DevelopmentMessage {
  readonly channel: 'sms' | 'email';
  readonly connection: string;
  readonly to: string;
  readonly from?: string;
  readonly subject?: string;
  readonly body: string;
}

/** Where the `development` provider puts messages instead of sending them. Never a log: they hold codes. */
export type DevelopmentOutbox = (message: DevelopmentMessage) => void;

/**
 * The default outbox: the message as plain text on stderr, for the developer at the console. Not a
 * JSON log line, so log pipelines never collect the codes in it.
 *
 * @example createSmsSender({ developmentOutbox: printToConsole });
 */
export const printToConsole: DevelopmentOutbox = (message) => {
  const subject = message.subject === undefined ? '' : ` (subject: ${message.subject})`;
  process.stderr.write(`[development ${message.channel}] ${message.connection} → ${message.to}${subject}:\n${message.body}\n`);
};
