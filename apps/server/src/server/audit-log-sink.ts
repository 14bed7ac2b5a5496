import type { AuditSink, Logger } from '@oauth-ro/core';

/**
 * The standalone server's audit sink: each event on its own pino line, `{"audit": {…}, "msg":
 * "audit fp"}`, at `info`, so a log pipeline can pick them out by the `audit` key (or the message
 * prefix) and forward them wherever Auth0 log streams used to go.
 *
 * @example
 * const audit = auditLogSink(app.log);
 * audit.emit({ type: 's', date: new Date().toISOString(), client_id: 'mobile-app' });
 */
export function auditLogSink(log: Logger): AuditSink {
  return {
    emit(event) {
      log.info({ audit: event }, `audit ${event.type}`);
    },
  };
}
