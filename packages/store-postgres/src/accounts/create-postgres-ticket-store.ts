import { recordFromColumns, type RecordColumns, type TicketRecord, type TicketStore } from '@oauth-ro/core/ports';
import type { Database } from '../db/types.js';

/** A `tickets` row as `pg` returns it (`bigint` arrives as a string). */
type TicketRow = Omit<RecordColumns<TicketRecord>, 'created_at' | 'expires_at'> & { created_at: string; expires_at: string };

const toRecord = (row: TicketRow) => recordFromColumns<TicketRecord>({ ...row, created_at: Number(row.created_at), expires_at: Number(row.expires_at) });

/**
 * Tickets in PostgreSQL. `redeem` is one `DELETE … RETURNING`: of racing redemptions on any
 * number of instances, the row goes to exactly one.
 *
 * @example const tickets = createPostgresTicketStore(db);
 */
export function createPostgresTicketStore(db: Database): TicketStore {
  return {
    async issue(r) {
      await db.query(
        `INSERT INTO tickets (kind, ticket_hash, user_id, client_id, result_url, password_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [r.kind, r.ticket_hash, r.user_id, r.client_id ?? null, r.result_url ?? null, r.password_hash ?? null, r.created_at, r.expires_at],
      );
    },
    async peek(kind, ticket_hash, at) {
      const { rows } = await db.query<TicketRow>('SELECT * FROM tickets WHERE kind = $1 AND ticket_hash = $2 AND expires_at > $3', [kind, ticket_hash, at]);
      return rows[0] && toRecord(rows[0]);
    },
    async redeem(kind, ticket_hash, at) {
      const { rows } = await db.query<TicketRow>('DELETE FROM tickets WHERE kind = $1 AND ticket_hash = $2 RETURNING *', [kind, ticket_hash]);
      const row = rows[0];
      return row && Number(row.expires_at) > at ? toRecord(row) : undefined;
    },
    async prune(before) {
      return (await db.query('DELETE FROM tickets WHERE expires_at < $1', [before])).rowCount;
    },
  };
}
