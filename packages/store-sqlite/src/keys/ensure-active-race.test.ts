import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forkRaceChildren, nextMessage } from '../../test/race-children.js';
import { openSqliteStores } from '../open-sqlite-stores.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-sqlite-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = (kid: string) => ({ kid, alg: 'RS256' as const, private_jwk: '{}', public_jwk: '{}', created_at: 1 });

describe('ensureActive across connections to one file', () => {
  it('two connections in one process agree on one active key', async () => {
    const path = join(dir, 'two-connections.db');
    const [a, b] = await Promise.all([openSqliteStores(path), openSqliteStores(path)]);
    const results = await Promise.all([a.keys.ensureActive(key('a')), b.keys.ensureActive(key('b')), a.keys.ensureActive(key('c'))]);
    const active = (await b.keys.list()).filter((k) => k.retired_at === undefined);
    expect(active).toHaveLength(1);
    for (const r of results) expect(r.map((k) => k.kid)).toEqual([active[0]!.kid]);
    await Promise.all([a.close(), b.close()]);
  });

  it('three processes opening a new file at once migrate it once and end with exactly one active key', async () => {
    const path = join(dir, 'processes.db');
    const children = forkRaceChildren(
      'src/keys/race-child.fixture.ts',
      Array.from({ length: 3 }, (_, i) => [path, `proc-${i}`]),
    );
    try {
      // Barrier: every child has loaded its code before any of them touches the file.
      await Promise.all(children.map(nextMessage));
      const answers = children.map(nextMessage);
      for (const child of children) child.send('go');
      const results = (await Promise.all(answers)) as Array<{ active?: string[]; error?: string }>;

      expect(results.filter((r) => r.error)).toEqual([]);
      const stores = await openSqliteStores(path);
      const active = (await stores.keys.list()).filter((k) => k.retired_at === undefined);
      await stores.close();
      expect(active).toHaveLength(1);
      for (const r of results) expect(r.active).toEqual([active[0]!.kid]);
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill();
    }
  });
});
