import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
});
