/**
 * Structured log sink (pino-compatible). Core never passes a password, code, secret or token.
 *
 * @example
 * const logger: Logger = { info: (obj, msg) => console.log(msg, obj), warn: ..., error: ... };
 */
export interface Logger {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
