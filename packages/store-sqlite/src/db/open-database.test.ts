import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forkRaceChildren, nextMessage } from '../../test/race-children.js';
import { openDatabase } from './open-database.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-sqlite-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('creates the missing parent folders and the file', () => {
    const path = join(dir, 'a', 'b', 'oauth-ro.db');
    const db = openDatabase({ kind: 'file', path }, 1234);
    db.close();
    expect(existsSync(path)).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('creates the database, its WAL and shared-memory files readable by their owner only (0600)', () => {
    const path = join(dir, 'private', 'oauth-ro.db');
    const db = openDatabase({ kind: 'file', path }, 1234);
    try {
      db.exec('CREATE TABLE secrets (value TEXT); INSERT INTO secrets VALUES (\'a private key\')');
      for (const file of [path, `${path}-wal`, `${path}-shm`]) expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
      expect((statSync(join(dir, 'private')).mode & 0o777).toString(8)).toBe('700');
    } finally {
      db.close();
    }
  });

  it.skipIf(process.platform === 'win32')('leaves the mode of an existing database file as the operator set it', () => {
    const path = join(dir, 'shared.db');
    writeFileSync(path, '');
    chmodSync(path, 0o640);
    openDatabase({ kind: 'file', path }, 1234).close();
    expect((statSync(path).mode & 0o777).toString(8)).toBe('640');
  });

  it('sets WAL, the busy timeout, foreign keys and synchronous=NORMAL', () => {
    const db = openDatabase({ kind: 'file', path: join(dir, 'pragmas.db') }, 1234);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // 1 = NORMAL
    } finally {
      db.close();
    }
  });

  it('opens a private in-memory database without touching the disk', () => {
    const db = openDatabase({ kind: 'memory' }, 1000);
    try {
      expect(db.memory).toBe(true);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('switches a new file to WAL when several processes open it at the same instant', async () => {
    // SQLite answers one of two connections converting a file at once SQLITE_BUSY without waiting;
    // before the retry, about one open in fifty failed here with "database is locked".
    const children = forkRaceChildren('src/db/open-race-child.fixture.ts', Array.from({ length: 4 }, () => []));
    try {
      await Promise.all(children.map(nextMessage));
      const errors: string[] = [];
      for (let round = 0; round < 40; round++) {
        const path = join(dir, `race-${round}.db`);
        const answers = children.map(nextMessage);
        for (const child of children) child.send(path);
        for (const answer of (await Promise.all(answers)) as Array<{ error?: string }>) if (answer.error) errors.push(`round ${round}: ${answer.error}`);
      }
      expect(errors).toEqual([]);
      const db = openDatabase({ kind: 'file', path: join(dir, 'race-0.db') }, 1000);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      for (const child of children) if (child.exitCode === null) child.kill();
    }
  }, 60_000);
});
