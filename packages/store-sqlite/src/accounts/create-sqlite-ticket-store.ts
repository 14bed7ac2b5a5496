import { recordFromColumns, type RecordColumns, type TicketRecord, type TicketStore } from '@oauth-ro/core/ports';
import type Database from 'better-sqlite3';

type TicketRow = RecordColumns<TicketRecord>;

const toRecord = (row: TicketRow) => recordFromColumns<TicketRecord>(row);

/**
 * Tickets in SQLite. `redeem` is one `DELETE … RETURNING`, so of racing redemptions, also from
 * several processes on one file, exactly one gets the row.
 *
 * @example const tickets = createSqliteTicketStore(db);
 */
export function createSqliteTicketStore(db: Database.Database): TicketStore {
  const insert = db.prepare(
    `INSERT INTO tickets (kind, ticket_hash, user_id, client_id, result_url, password_hash, created_at, expires_at)
     VALUES (@kind, @ticket_hash, @user_id, @client_id, @result_url, @password_hash, @created_at, @expires_at)`,
  );
  const peek = db.prepare('SELECT * FROM tickets WHERE kind = ? AND ticket_hash = ? AND expires_at > ?');
  const redeem = db.prepare('DELETE FROM tickets WHERE kind = ? AND ticket_hash = ? RETURNING *');
  const prune = db.prepare('DELETE FROM tickets WHERE expires_at < ?');
  return {
    async issue(record) {
      insert.run({ client_id: null, result_url: null, password_hash: null, ...record });
    },
    async peek(kind, ticket_hash, at) {
      const row = peek.get(kind, ticket_hash, at) as TicketRow | undefined;
      return row && toRecord(row);
    },
    async redeem(kind, ticket_hash, at) {
      const row = redeem.get(kind, ticket_hash) as TicketRow | undefined;
      return row && row.expires_at > at ? toRecord(row) : undefined;
    },
    async prune(before) {
      return prune.run(before).changes;
    },
  };
}
