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
 * An existing file keeps its mode. Several processes may open one new file at the same instant:
 * see {@link switchToWal}.
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
    if (location.kind === 'file') switchToWal(db, busyTimeoutMs);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * `PRAGMA journal_mode = WAL`, retried while another connection holds the lock it needs. SQLite
 * does not call the busy handler here when two connections convert one new file at once (each
 * holds a read lock and wants to upgrade it, so one is told SQLITE_BUSY at once to avoid a
 * deadlock); this waits with growing, jittered pauses up to `busyTimeoutMs` in all, as the busy
 * timeout would, then rethrows. A file already in WAL answers at once.
 *
 * @example switchToWal(db, 5000);
 */
function switchToWal(db: Database.Database, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  for (let pauseMs = 2; ; pauseMs = Math.min(pauseMs * 2, 100)) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const wait = Math.ceil(pauseMs * (0.5 + Math.random()));
      if (!isBusy(error) || Date.now() + wait > deadline) throw error;
      // Start-up only, and the busy handler SQLite would have run blocks the thread the same way.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
