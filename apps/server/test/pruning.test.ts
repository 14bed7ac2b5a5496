import { join } from 'node:path';
import { openSqliteStores } from '@oauth-ro/store-sqlite';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startServerProcess, tempDir } from './spawn-server.js';

const DAY = 86_400_000;
let temp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  temp = await tempDir();
});
afterAll(async () => {
  await temp.cleanup();
});

describe('periodic pruning (OAUTH_RO_PRUNE_INTERVAL_SECONDS)', () => {
  it('sweeps soon after start and again each interval, logging the counts, and stops cleanly on SIGTERM', async () => {
    const db = join(temp.dir, 'prune.db');
    const seed = await openSqliteStores(db);
    await seed.refreshTokens.create({
      id: 'rt-revoked',
      token_hash: 'e'.repeat(64),
      family_id: 'dcr_revoked',
      user_id: 'auth0|gone',
      client_id: 'demo',
      device: 'iPhone',
      scope: 'openid offline_access',
      rotating: false,
      created_at: Date.now() - 60 * DAY,
      revoked_at: Date.now() - 30 * DAY,
    });
    await seed.close();

    const server = await startServerProcess({
      OAUTH_RO_DATABASE: `sqlite:${db}`,
      OAUTH_RO_PRUNE_INTERVAL_SECONDS: '1',
    });
    onTestFinished(() => server.kill());
    const first = JSON.parse(await server.waitForLine(/^(?=.*"msg":"pruned expired records")(?=.*"refreshTokens":1\b)/)) as { level: number; pruned: unknown };
    expect(first.level).toBe(30);
    expect(first.pruned).toEqual({ refreshTokens: 1, codes: 0, counters: 0, usedAssertions: 0, tickets: 0, mfaEnrollments: 0 });
    // The next run finds nothing left to delete.
    await server.waitForLine(/^(?=.*"msg":"pruned expired records")(?=.*"refreshTokens":0\b)/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stdout.filter((line) => /"level":[45]0/.test(line))).toEqual([]);
  });
});
