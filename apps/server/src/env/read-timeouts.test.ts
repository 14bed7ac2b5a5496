import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS, readTimeouts } from './read-timeouts.js';

describe('readTimeouts', () => {
  it('defaults every timeout, and reads seconds with up to millisecond fractions', () => {
    expect(readTimeouts({})).toEqual(DEFAULT_TIMEOUTS);
    expect(readTimeouts({ OAUTH_RO_REQUEST_TIMEOUT_SECONDS: '2.5', OAUTH_RO_IDLE_TIMEOUT_SECONDS: '1' })).toMatchObject({ requestMs: 2500, headersMs: 2500, idleMs: 1000 });
  });

  it.each(['0', '-1', 'ten', '3601', '1.0001', '1e3'])('refuses %j, naming the variable', (value) => {
    expect(() => readTimeouts({ OAUTH_RO_KEEP_ALIVE_TIMEOUT_SECONDS: value })).toThrow(/^OAUTH_RO_KEEP_ALIVE_TIMEOUT_SECONDS: must be/);
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    expect(() => readTimeouts({ OAUTH_RO_REQUEST_TIMEOUT_SECONDS: '2', OAUTH_RO_HEADERS_TIMEOUT_SECONDS: '3' })).toThrow(/OAUTH_RO_HEADERS_TIMEOUT_SECONDS/);
  });
});
