import { StartupError } from '../config/startup-error.js';

/** How long the standalone server waits on a client, in milliseconds (docs/spec.md §5.3: server timeouts). */
export interface ServerTimeouts {
  /** `OAUTH_RO_REQUEST_TIMEOUT_SECONDS`: the whole request, headers and body, must arrive within it (408 after). */
  readonly requestMs: number;
  /** `OAUTH_RO_HEADERS_TIMEOUT_SECONDS`: the header block must arrive within it (408 after); at most the request timeout. */
  readonly headersMs: number;
  /** `OAUTH_RO_KEEP_ALIVE_TIMEOUT_SECONDS`: an idle keep-alive connection is closed after it. */
  readonly keepAliveMs: number;
  /** `OAUTH_RO_IDLE_TIMEOUT_SECONDS`: a connection on which nothing moves, either way, is closed after it. */
  readonly idleMs: number;
}

/**
 * The defaults. A 16 KiB body arrives in a few seconds on the worst link a phone has, and a loaded
 * server may take seconds more to read what already arrived (a login flood keeps its event loop busy:
 * 5 s turned a few legitimate requests of a 1000-login burst into 408s), so 30 s and 20 s bound slow
 * clients without refusing slow servers' own clients; Node's own are 300 s and 60 s. 72 s of keep-alive
 * outlasts the 60 s idle timeout of common load balancers (which would otherwise reuse a connection
 * the server is closing, a 502); 60 s of silence is longer than any answer takes (directory calls
 * and store queries time out sooner).
 */
export const DEFAULT_TIMEOUTS: ServerTimeouts = { requestMs: 30_000, headersMs: 20_000, keepAliveMs: 72_000, idleMs: 60_000 };

/** Longest accepted value of each, in seconds: an hour. */
const MAX_SECONDS = 3600;

function seconds(env: Readonly<Record<string, string | undefined>>, name: string, fallbackMs: number): number {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallbackMs;
  if (!/^\d+(\.\d{1,3})?$/.test(value) || Number(value) <= 0 || Number(value) > MAX_SECONDS) {
    throw new StartupError(`${name}: must be a number of seconds above 0 and at most ${MAX_SECONDS}, got ${JSON.stringify(value)}`);
  }
  return Math.round(Number(value) * 1000);
}

/**
 * The server's client timeouts from the environment, each in seconds (fractions to the millisecond).
 *
 * @example readTimeouts({ OAUTH_RO_REQUEST_TIMEOUT_SECONDS: '15' }); // { requestMs: 15000, … }
 */
export function readTimeouts(env: Readonly<Record<string, string | undefined>>): ServerTimeouts {
  const requestMs = seconds(env, 'OAUTH_RO_REQUEST_TIMEOUT_SECONDS', DEFAULT_TIMEOUTS.requestMs);
  const headersMs = seconds(env, 'OAUTH_RO_HEADERS_TIMEOUT_SECONDS', Math.min(DEFAULT_TIMEOUTS.headersMs, requestMs));
  if (headersMs > requestMs) {
    throw new StartupError('OAUTH_RO_HEADERS_TIMEOUT_SECONDS: must not be longer than OAUTH_RO_REQUEST_TIMEOUT_SECONDS (the headers are part of the request)');
  }
  return {
    requestMs,
    headersMs,
    keepAliveMs: seconds(env, 'OAUTH_RO_KEEP_ALIVE_TIMEOUT_SECONDS', DEFAULT_TIMEOUTS.keepAliveMs),
    idleMs: seconds(env, 'OAUTH_RO_IDLE_TIMEOUT_SECONDS', DEFAULT_TIMEOUTS.idleMs),
  };
}
