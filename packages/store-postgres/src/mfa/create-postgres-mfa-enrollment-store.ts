import { recordFromColumns, type MfaEnrollmentRecord, type MfaEnrollmentStore, type RecordColumns } from '@oauth-ro/core/ports';
import type { Database } from '../db/types.js';

/** An `mfa_enrollments` row as `pg` returns it (`bigint` arrives as a string). */
type Time = 'created_at' | 'confirmed_at' | 'last_auth_at';
type EnrollmentRow = Omit<RecordColumns<MfaEnrollmentRecord>, Time> & { created_at: string; confirmed_at: string | null; last_auth_at: string | null };

const time = (value: string | null) => (value === null ? null : Number(value));
const toRecord = (row: EnrollmentRow) =>
  recordFromColumns<MfaEnrollmentRecord>({ ...row, created_at: Number(row.created_at), confirmed_at: time(row.confirmed_at), last_auth_at: time(row.last_auth_at) });

/**
 * MFA enrolments in PostgreSQL. `put` is one upsert on the user's pending row (racing enrolments
 * leave one); `confirm` locks the pending row in a transaction, so of racing confirmations on any
 * number of instances one wins; `swapRecoveryCode` is one conditional `UPDATE`.
 *
 * @example const mfaEnrollments = createPostgresMfaEnrollmentStore(db);
 */
export function createPostgresMfaEnrollmentStore(db: Database): MfaEnrollmentStore {
  return {
    async put(r) {
      await db.query(
        `INSERT INTO mfa_enrollments (id, user_id, type, status, sealed_secret, name, created_at)
         VALUES ($1, $2, $3, 'pending', $4, $5, $6)
         ON CONFLICT (user_id) WHERE status = 'pending'
         DO UPDATE SET id = EXCLUDED.id, type = EXCLUDED.type, sealed_secret = EXCLUDED.sealed_secret, name = EXCLUDED.name,
                       created_at = EXCLUDED.created_at, recovery_code_hash = NULL, confirmed_at = NULL, last_auth_at = NULL`,
        [r.id, r.user_id, r.type, r.sealed_secret, r.name ?? null, r.created_at],
      );
    },
    async listByUser(user_id) {
      const { rows } = await db.query<EnrollmentRow>('SELECT * FROM mfa_enrollments WHERE user_id = $1 ORDER BY created_at, id', [user_id]);
      return rows.map(toRecord);
    },
    async get(id) {
      const { rows } = await db.query<EnrollmentRow>('SELECT * FROM mfa_enrollments WHERE id = $1', [id]);
      return rows[0] && toRecord(rows[0]);
    },
    async confirm(id, at, recovery_code_hash) {
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<{ user_id: string }>(`SELECT user_id FROM mfa_enrollments WHERE id = $1 AND status = 'pending' FOR UPDATE`, [id]);
        const row = rows[0];
        if (!row) return false;
        await tx.query(`DELETE FROM mfa_enrollments WHERE user_id = $1 AND status = 'confirmed'`, [row.user_id]);
        const updated = await tx.query(
          `UPDATE mfa_enrollments SET status = 'confirmed', confirmed_at = $2, recovery_code_hash = $3 WHERE id = $1 AND status = 'pending'`,
          [id, at, recovery_code_hash],
        );
        return updated.rowCount === 1;
      });
    },
    async touch(id, at) {
      await db.query('UPDATE mfa_enrollments SET last_auth_at = $2 WHERE id = $1', [id, at]);
    },
    async swapRecoveryCode(id, expected_hash, new_hash) {
      const result =
        expected_hash === undefined
          ? await db.query(`UPDATE mfa_enrollments SET recovery_code_hash = $2 WHERE id = $1 AND status = 'confirmed'`, [id, new_hash])
          : await db.query(`UPDATE mfa_enrollments SET recovery_code_hash = $2 WHERE id = $1 AND status = 'confirmed' AND recovery_code_hash = $3`, [id, new_hash, expected_hash]);
      return result.rowCount === 1;
    },
    async delete(id) {
      return (await db.query('DELETE FROM mfa_enrollments WHERE id = $1', [id])).rowCount === 1;
    },
    async deleteByUser(user_id) {
      return (await db.query('DELETE FROM mfa_enrollments WHERE user_id = $1', [user_id])).rowCount;
    },
    async prunePending(before) {
      return (await db.query(`DELETE FROM mfa_enrollments WHERE status = 'pending' AND created_at < $1`, [before])).rowCount;
    },
  };
}
