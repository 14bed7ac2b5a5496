import { describe, expect, it } from 'vitest';
import { createMetricsRegistry } from './metrics-registry.js';

describe('createMetricsRegistry', () => {
  it('renders counters and cumulative histogram buckets in Prometheus text', () => {
    const m = createMetricsRegistry();
    m.observeLogin('db', 'success', 0.02);
    m.observeLogin('db', 'success', 0.3);
    m.observeLogin('db', 'invalid_user_password', 0.3);
    const text = m.render();
    expect(text).toContain('oauth_ro_logins_total{connection="db",outcome="success"} 2');
    expect(text).toContain('oauth_ro_logins_total{connection="db",outcome="invalid_user_password"} 1');
    expect(text).toContain('oauth_ro_login_duration_seconds_bucket{connection="db",le="0.025"} 1');
    expect(text).toContain('oauth_ro_login_duration_seconds_bucket{connection="db",le="0.5"} 3');
    expect(text).toContain('oauth_ro_login_duration_seconds_bucket{connection="db",le="+Inf"} 3');
    expect(text).toContain('oauth_ro_login_duration_seconds_count{connection="db"} 3');
  });

  it('escapes label values', () => {
    const m = createMetricsRegistry();
    m.observeLogin('a"b\\c', 'success', 0);
    expect(m.render()).toContain('connection="a\\"b\\\\c"');
  });
});
