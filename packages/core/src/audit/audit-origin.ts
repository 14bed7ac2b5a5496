import type { OAuthRequest } from '../http/types.js';
import type { AuditEvent } from '../ports/audit-sink.js';

/** The fields every audit event of one request shares: who asked, from where, about what. */
export type AuditOrigin = Pick<AuditEvent, 'ip' | 'user_agent' | 'client_id' | 'connection' | 'strategy' | 'user_name'>;

const MAX_USER_AGENT = 256;
const MAX_NAME = 320;

/**
 * The origin of an event from the request's address and user agent plus the named, non-secret
 * fields a handler already validated. Long values are cut, so a hostile request cannot grow a log
 * line without bound; undefined fields are left out.
 *
 * @example auditOrigin(request, { client_id: 'app', connection: 'Username-Password-Authentication', user_name: 'a@example.com' });
 */
export function auditOrigin(request: Pick<OAuthRequest, 'ip' | 'headers'>, fields: Omit<AuditOrigin, 'ip' | 'user_agent'> = {}): AuditOrigin {
  const user_agent = request.headers['user-agent'];
  const origin: Record<string, string> = { ip: request.ip };
  if (user_agent) origin.user_agent = user_agent.slice(0, MAX_USER_AGENT);
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) origin[key] = value.slice(0, MAX_NAME);
  return origin;
}
