import type { AuditSink } from '@oauth-ro/core';
import type { FastifyBaseLogger } from 'fastify';
import { requestFields } from './request-context.js';

/**
 * The standalone server's audit sink: each event on its own pino line, `{"audit": {…}, "msg":
 * "audit fp"}`, at `info`, so a log pipeline can pick them out by the `audit` key (or the message
 * prefix) and forward them wherever Auth0 log streams used to go.
 *
 * The lines go through a child logger with its own level, so `OAUTH_RO_LOG_LEVEL=warn` (or `error`,
 * `fatal`) quiets the request and diagnostic lines but keeps the audit trail; only `silent` turns it
 * off too, as it turns off every line.
 *
 * @example
 * const audit = auditLogSink(app.log);
 * audit.emit({ type: 's', date: new Date().toISOString(), client_id: 'mobile-app' });
 */
export function auditLogSink(log: FastifyBaseLogger): AuditSink {
  const auditLog = log.child({}, { level: log.level === 'silent' ? 'silent' : 'info' });
  return {
    emit(event) {
      auditLog.info({ ...requestFields(), audit: event }, `audit ${event.type}`);
    },
  };
}
