import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { RefreshTokenRecord } from '@oauth-ro/core/ports';
import { openSqliteStores } from '@oauth-ro/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';

const DAY = 86_400_000;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oauth-ro-prune-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(db: string, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), stdin: Readable.from(['']), env: { OAUTH_RO_DATABASE: `sqlite:${db}` } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function token(n: number, overrides: Partial<RefreshTokenRecord>): RefreshTokenRecord {
  return {
    id: `rt-${n}`,
    token_hash: n.toString(16).padStart(64, 'a'),
    family_id: `dcr_${n}`,
    user_id: 'auth0|alice',
    client_id: 'demo',
    device: 'iPhone',
    scope: 'openid offline_access',
    rotating: false,
    created_at: Date.now() - 60 * DAY,
    ...overrides,
  };
}

describe('oauth-ro maintenance prune', () => {
  it('deletes expired and revoked records of a SQLite file once, keeps live ones, and prints the counts', async () => {
    const db = join(dir, 'prune.db');
    const now = Date.now();
    const seed = await openSqliteStores(db);
    await seed.refreshTokens.create(token(1, { revoked_at: now - 30 * DAY }));
    await seed.refreshTokens.create(token(2, { expires_at: now - 8 * DAY }));
    await seed.refreshTokens.create(token(3, { revoked_at: now - DAY }));
    await seed.refreshTokens.create(token(4, { rotating: true, rotated_at: now - 30 * DAY }));
    await seed.codes.issue('sms', '+15550100001', { code_hash: 'c'.repeat(64), expires_at: now - DAY, max_attempts: 3 });
    await seed.codes.issue('sms', '+15550100002', { code_hash: 'd'.repeat(64), expires_at: now + 60_000, max_attempts: 3 });
    await seed.counters.increment('t:ended', 60_000, now - DAY);
    await seed.counters.increment('t:live', 60_000, now);
    await seed.usedAssertions.markUsed('a:old', now - DAY, now - 2 * DAY);
    await seed.close();

    const first = await cli(db, ['maintenance', 'prune']);
    expect(first).toEqual({ code: 0, err: '', out: 'store\tpruned\nrefreshTokens\t2\ncodes\t1\ncounters\t1\nusedAssertions\t1\ntickets\t0\nmfaEnrollments\t0' });
    const again = await cli(db, ['maintenance', 'prune', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual({ pruned: { refreshTokens: 0, codes: 0, counters: 0, usedAssertions: 0, tickets: 0, mfaEnrollments: 0 }, failed: [] });

    const check = await openSqliteStores(db);
    try {
      expect(await check.refreshTokens.findByHash(token(1, {}).token_hash)).toBeUndefined();
      expect(await check.refreshTokens.findByHash(token(3, {}).token_hash)).toBeDefined();
      expect(await check.refreshTokens.findByHash(token(4, {}).token_hash)).toBeDefined();
      expect(await check.codes.revoke('sms', '+15550100002', 'd'.repeat(64))).toBe(true);
      expect((await check.counters.list('t:', 0)).map((e) => e.key)).toEqual(['t:live']);
    } finally {
      await check.close();
    }
  });

  it('is listed in the help and takes no argument', async () => {
    const db = join(dir, 'help.db');
    expect((await cli(db, ['--help'])).out).toContain('  maintenance prune ');
    expect(await cli(db, ['maintenance', 'prune', 'now'])).toMatchObject({ code: 2, err: expect.stringContaining('unexpected argument "now"') });
  });
});
