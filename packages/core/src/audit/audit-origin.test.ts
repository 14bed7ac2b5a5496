import { describe, expect, it } from 'vitest';
import { auditOrigin } from './audit-origin.js';

describe('auditOrigin', () => {
  it('takes the IP and user agent from the request and leaves undefined fields out', () => {
    const origin = auditOrigin({ ip: '203.0.113.7', headers: { 'user-agent': 'Auth0.swift/1.0' } }, { client_id: 'app', user_name: undefined });
    expect(origin).toEqual({ ip: '203.0.113.7', user_agent: 'Auth0.swift/1.0', client_id: 'app' });
  });

  it('cuts long values so a hostile request cannot grow a log line without bound', () => {
    const origin = auditOrigin({ ip: '::1', headers: { 'user-agent': 'x'.repeat(5000) } }, { user_name: 'y'.repeat(5000) });
    expect(origin.user_agent).toHaveLength(256);
    expect(origin.user_name).toHaveLength(320);
  });
});
