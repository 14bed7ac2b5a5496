import { StartupError } from '../config/startup-error.js';

/** How the server shuts down on SIGTERM (docs/spec.md §5.8: shutdown). */
export interface ShutdownEnvironment {
  /** `OAUTH_RO_SHUTDOWN_DELAY_SECONDS` (default 0): readiness answers 503 while requests are still served. */
  readonly shutdownDelaySeconds: number;
  /** `OAUTH_RO_DRAIN_TIMEOUT_SECONDS` (default 10): how long requests in flight get to finish, new ones refused. */
  readonly drainTimeoutSeconds: number;
}

function seconds(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) > max) {
    throw new StartupError(`${name}: must be a whole number of seconds from 0 to ${max}, got ${JSON.stringify(value)}`);
  }
  return Number(trimmed);
}

/**
 * Reads the shutdown settings; a bad value names the variable.
 *
 * @example readShutdownEnvironment({ OAUTH_RO_DRAIN_TIMEOUT_SECONDS: '30' }); // { shutdownDelaySeconds: 0, drainTimeoutSeconds: 30 }
 */
export function readShutdownEnvironment(env: Readonly<Record<string, string | undefined>>): ShutdownEnvironment {
  return {
    shutdownDelaySeconds: seconds('OAUTH_RO_SHUTDOWN_DELAY_SECONDS', env.OAUTH_RO_SHUTDOWN_DELAY_SECONDS, 0, 300),
    drainTimeoutSeconds: seconds('OAUTH_RO_DRAIN_TIMEOUT_SECONDS', env.OAUTH_RO_DRAIN_TIMEOUT_SECONDS, 10, 300),
  };
}
