import type { ConnectionState } from './connection-state.js';

/**
 * Logs why a directory step failed, for the operator: the connection, the step and the error's
 * name and message (ldapts messages carry result codes and addresses, never passwords).
 *
 * @example
 * logFailure(state, 'search', error);
 */
export function logFailure(state: ConnectionState, step: string, error: unknown): void {
  const detail = error instanceof Error ? { name: error.name, message: error.message.slice(0, 300) } : { message: String(error) };
  state.logger?.warn({ event: 'ldap_error', connection: state.name, step, err: detail }, 'directory step failed');
}
