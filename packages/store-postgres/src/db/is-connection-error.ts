/** Node socket errors that mean "the database cannot be reached right now". */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLSTATEs that mean the server cannot serve now but may soon: class 08 (connection exception),
 * class 53 (insufficient resources, e.g. too many connections), 57P01–57P03 (shutdown, crash,
 * cannot connect now), 57014 (statement timeout) and 55P03 (lock timeout).
 */
function isTransientSqlState(code: string): boolean {
  return code.startsWith('08') || code.startsWith('53') || /^57P0[1-3]$/.test(code) || code === '57014' || code === '55P03';
}

/** Messages `pg` and `pg-pool` use for connection failures that carry no code. */
const MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'connection timeout',
  'Query read timeout',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
];

/**
 * True when `error` says PostgreSQL is unreachable, overloaded or restarting, rather than that the
 * query was wrong. Such errors become core's `UnavailableError` (503), and the pooled connection
 * that saw one is discarded.
 *
 * @example
 * isConnectionError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })); // true
 */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || isTransientSqlState(code))) return true;
  return MESSAGES.some((m) => error.message.includes(m));
}
