import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqliteLocation } from './resolve-location.js';

/**
 * Opens the database with the settings several processes on one file need: WAL (readers never
 * block the writer), a busy timeout (a writer waits for another instead of failing), foreign keys
 * enforced, and `synchronous=NORMAL` (durable across a process crash; in WAL mode a power loss can
 * only lose the last transactions, never corrupt the file). The parent folder is created first
 * (0700), and a new database file 0600 — it holds password hashes and, unless a key-encryption key
 * seals them, the private signing keys; SQLite gives its `-wal` and `-shm` files the same mode.
 * An existing file keeps its mode.
 *
 * @example const db = openDatabase({ kind: 'file', path: './data/oauth-ro.db' }, 5000);
 */
export function openDatabase(location: SqliteLocation, busyTimeoutMs: number): Database.Database {
  if (location.kind === 'file') {
    mkdirSync(dirname(location.path), { recursive: true, mode: 0o700 });
    // 'a' creates the file if missing (with this mode) and leaves an existing one as it is.
    closeSync(openSync(location.path, 'a', 0o600));
  }
  const db = new Database(location.kind === 'memory' ? ':memory:' : location.path, { timeout: busyTimeoutMs });
  try {
    // busy_timeout first: switching to WAL takes a lock another process may hold at that instant.
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
    if (location.kind === 'file') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
