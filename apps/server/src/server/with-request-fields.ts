import type { Logger } from '@oauth-ro/core';
import { requestFields } from './request-context.js';

/**
 * Core's logger with the request's ids on every line it writes while serving a request.
 *
 * @example createOAuthRo({ config, deps: { …, logger: withRequestFields(app.log) } });
 */
export function withRequestFields(log: Logger): Logger {
  return {
    info: (obj, msg) => log.info({ ...requestFields(), ...obj }, msg),
    warn: (obj, msg) => log.warn({ ...requestFields(), ...obj }, msg),
    error: (obj, msg) => log.error({ ...requestFields(), ...obj }, msg),
  };
}
