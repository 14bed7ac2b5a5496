import type { Migration } from './migration.js';

/**
 * Attempts in flight per counter (brute-force and per-IP limits): one row per slot, with its lease
 * end, so that failures plus attempts in flight never exceed a limit, across processes.
 */
export const counterSlotsMigration: Migration = {
  version: 7,
  name: 'counter slots',
  sql: `
    CREATE TABLE counter_slots (
      key        TEXT NOT NULL,
      slot       TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      PRIMARY KEY (key, slot)
    ) WITHOUT ROWID;
    CREATE INDEX counter_slots_expires_at ON counter_slots (expires_at);
  `,
};
