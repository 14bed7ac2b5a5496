import { recordFromColumns, type MfaEnrollmentRecord, type MfaEnrollmentStore, type RecordColumns } from '@oauth-ro/core/ports';
import type Database from 'better-sqlite3';

/** An `mfa_enrollments` row as better-sqlite3 returns it. */
type EnrollmentRow = RecordColumns<MfaEnrollmentRecord>;

const toRecord = (row: EnrollmentRow) => recordFromColumns<MfaEnrollmentRecord>(row);

/**
 * MFA enrolments in SQLite. `put` and `confirm` are transactions taking the write lock first
 * (`BEGIN IMMEDIATE`), so processes sharing the file agree; `swapRecoveryCode` is one conditional
 * `UPDATE`, so of racing uses of one recovery code exactly one changes the row.
 *
 * @example const mfaEnrollments = createSqliteMfaEnrollmentStore(db);
 */
export function createSqliteMfaEnrollmentStore(db: Database.Database): MfaEnrollmentStore {
  const insert = db.prepare(
    `INSERT INTO mfa_enrollments (id, user_id, type, status, sealed_secret, recovery_code_hash, name, created_at, confirmed_at, last_auth_at)
     VALUES (@id, @user_id, @type, 'pending', @sealed_secret, NULL, @name, @created_at, NULL, NULL)`,
  );
  const deletePending = db.prepare(`DELETE FROM mfa_enrollments WHERE user_id = ? AND status = 'pending'`);
  const byUser = db.prepare('SELECT * FROM mfa_enrollments WHERE user_id = ? ORDER BY created_at, id');
  const byId = db.prepare('SELECT * FROM mfa_enrollments WHERE id = ?');
  const deleteConfirmed = db.prepare(`DELETE FROM mfa_enrollments WHERE user_id = ? AND status = 'confirmed'`);
  const confirmRow = db.prepare(
    `UPDATE mfa_enrollments SET status = 'confirmed', confirmed_at = ?, recovery_code_hash = ? WHERE id = ? AND status = 'pending'`,
  );
  const touch = db.prepare('UPDATE mfa_enrollments SET last_auth_at = ? WHERE id = ?');
  const swapIf = db.prepare(`UPDATE mfa_enrollments SET recovery_code_hash = ? WHERE id = ? AND status = 'confirmed' AND recovery_code_hash = ?`);
  const swapAny = db.prepare(`UPDATE mfa_enrollments SET recovery_code_hash = ? WHERE id = ? AND status = 'confirmed'`);
  const deleteOne = db.prepare('DELETE FROM mfa_enrollments WHERE id = ?');
  const deleteUser = db.prepare('DELETE FROM mfa_enrollments WHERE user_id = ?');
  const prune = db.prepare(`DELETE FROM mfa_enrollments WHERE status = 'pending' AND created_at < ?`);

  const put = db.transaction((record: MfaEnrollmentRecord) => {
    deletePending.run(record.user_id);
    insert.run({ id: record.id, user_id: record.user_id, type: record.type, sealed_secret: record.sealed_secret, name: record.name ?? null, created_at: record.created_at });
  });
  const confirm = db.transaction((id: string, at: number, hash: string): boolean => {
    const row = byId.get(id) as EnrollmentRow | undefined;
    if (row?.status !== 'pending') return false;
    deleteConfirmed.run(row.user_id);
    return confirmRow.run(at, hash, id).changes === 1;
  });

  return {
    async put(record) {
      put.immediate(record);
    },
    async listByUser(user_id) {
      return (byUser.all(user_id) as EnrollmentRow[]).map(toRecord);
    },
    async get(id) {
      const row = byId.get(id) as EnrollmentRow | undefined;
      return row && toRecord(row);
    },
    async confirm(id, at, recovery_code_hash) {
      return confirm.immediate(id, at, recovery_code_hash);
    },
    async touch(id, at) {
      touch.run(at, id);
    },
    async swapRecoveryCode(id, expected_hash, new_hash) {
      const result = expected_hash === undefined ? swapAny.run(new_hash, id) : swapIf.run(new_hash, id, expected_hash);
      return result.changes === 1;
    },
    async delete(id) {
      return deleteOne.run(id).changes === 1;
    },
    async deleteByUser(user_id) {
      return deleteUser.run(user_id).changes;
    },
    async prunePending(before) {
      return prune.run(before).changes;
    },
  };
}
