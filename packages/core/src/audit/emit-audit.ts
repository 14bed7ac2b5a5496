import type { AuditEvent } from '../ports/audit-sink.js';
import type { CoreDeps } from '../ports/deps.js';

/**
 * Stamps an audit event with the clock's date and hands it to the sink, if there is one. A sink that
 * throws never fails the request it reports on.
 *
 * @example
 * emitAudit(ctx.deps, { type: 's', client_id, connection: 'Username-Password-Authentication', user_id, ip });
 */
export function emitAudit(deps: Pick<CoreDeps, 'audit' | 'clock'>, event: Omit<AuditEvent, 'date'>): void {
  if (!deps.audit) return;
  try {
    deps.audit.emit({ ...event, date: new Date(deps.clock.now()).toISOString() });
  } catch {
    // An audit sink must not take logins down with it.
  }
}
