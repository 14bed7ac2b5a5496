import { createOAuthRo, normalizeConfig, webCryptoRandom, type Logger } from '@oauth-ro/core';
import { UnavailableError, type PasswordHasher } from '@oauth-ro/core/ports';
import { createMemoryStores } from '@oauth-ro/store-memory';
import { describe, expect, it } from 'vitest';
import { steppingClock } from '../conformance/mfa-fixtures.js';
import { TEST_CLIENTS, testConfig } from '../fixtures/test-config.js';

/** A hasher whose queue is always full, as under a login flood. */
const saturated: PasswordHasher = {
  hash: () => Promise.reject(new UnavailableError('password hashing is saturated', 1)),
  verify: () => Promise.reject(new UnavailableError('password hashing is saturated', 1)),
  needsRehash: () => false,
  verifyDummy: () => Promise.reject(new UnavailableError('password hashing is saturated', 1)),
};

describe('503 temporarily_unavailable log lines', () => {
  it('are written once a second per path and reason, carrying how many were not logged since', async () => {
    const clock = steppingClock();
    const lines: Array<{ fields: Record<string, unknown>; message: string }> = [];
    const logger: Logger = {
      info: () => {},
      error: () => {},
      warn: (fields: Record<string, unknown>, message: string) => void lines.push({ fields, message }),
    } as unknown as Logger;
    const config = normalizeConfig(testConfig());
    const connection = config.connections.find((c) => c.strategy === 'auth0')!.name;
    const oauthRo = await createOAuthRo({ config, deps: { ...createMemoryStores(), hasher: saturated, clock, random: webCryptoRandom, logger } });
    const login = () =>
      oauthRo.handle({
        method: 'POST',
        path: '/oauth/ro',
        headers: { 'content-type': 'application/json' },
        ip: '203.0.113.7',
        rawBody: JSON.stringify({ client_id: TEST_CLIENTS.rs256, connection, grant_type: 'password', username: 'a@example.com', password: 'x', scope: 'openid' }),
      });
    const first = await Promise.all(Array.from({ length: 5 }, login));
    expect(first.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    expect(first.every((r) => r.headers['retry-after'] === '1')).toBe(true);
    const unavailable = () => lines.filter((l) => l.message === 'temporarily unavailable');
    expect(unavailable()).toHaveLength(1);
    expect(unavailable()[0]!.fields).not.toHaveProperty('suppressed');
    clock.advance(1001);
    expect((await login()).status).toBe(503);
    expect(unavailable()).toHaveLength(2);
    expect(unavailable()[1]!.fields).toMatchObject({ path: '/oauth/ro', suppressed: 4 });
  });
});
