import type { TicketRecord, TicketStore } from '@oauth-ro/core/ports';
import type Database from 'better-sqlite3';

interface TicketRow {
  kind: TicketRecord['kind'];
  ticket_hash: string;
  user_id: string;
  client_id: string | null;
  result_url: string | null;
  password_hash: string | null;
  created_at: number;
  expires_at: number;
}

function toRecord(row: TicketRow): TicketRecord {
  return {
    kind: row.kind,
    ticket_hash: row.ticket_hash,
    user_id: row.user_id,
    created_at: row.created_at,
    expires_at: row.expires_at,
    ...(row.client_id === null ? {} : { client_id: row.client_id }),
    ...(row.result_url === null ? {} : { result_url: row.result_url }),
    ...(row.password_hash === null ? {} : { password_hash: row.password_hash }),
  };
}

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
