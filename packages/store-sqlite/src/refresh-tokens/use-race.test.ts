import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forkRaceChildren, nextMessage } from '../../test/race-children.js';
import { openSqliteStores } from '../open-sqlite-stores.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-sqlite-refresh-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('refresh token use across processes on one file', () => {
  it('rotates a token exactly once when four processes present it at once; the next sees reuse, the rest a dead family', async () => {
    const path = join(dir, 'race.db');
    const setup = await openSqliteStores(path);
    const token_hash = 'a'.repeat(64);
    await setup.refreshTokens.create({
      id: 'original',
      token_hash,
      family_id: 'dcr_family',
      user_id: 'auth0|racer',
      client_id: 'mobile-app',
      device: 'iPhone',
      scope: 'openid offline_access',
      rotating: true,
      created_at: 1_700_000_000_000,
    });
    await setup.close();

    const children = forkRaceChildren(
      'src/refresh-tokens/use-race-child.fixture.ts',
      Array.from({ length: 4 }, (_, i) => [path, token_hash, `p${i}`]),
    );
    try {
      await Promise.all(children.map(nextMessage));
      const answers = children.map(nextMessage);
      for (const child of children) child.send('go');
      const results = (await Promise.all(answers)) as Array<{ outcome?: string; error?: string }>;

      expect(results.filter((r) => r.error)).toEqual([]);
      expect(results.filter((r) => r.outcome === 'rotated')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'reused')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'invalid')).toHaveLength(2);
      const stores = await openSqliteStores(path);
      expect(await stores.refreshTokens.listByUser('auth0|racer')).toEqual([]);
      await stores.close();
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill();
    }
  });
});
