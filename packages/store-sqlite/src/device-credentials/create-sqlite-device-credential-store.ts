import type { DeviceCredentialRecord, DeviceCredentialStore } from '@oauth-ro/core/ports';
import type Database from 'better-sqlite3';
import { isUniqueViolation } from '../db/is-unique-violation.js';

const COLUMNS = 'id, user_id, client_id, device_id, device_name, type, public_jwk, alg, created_at';

/**
 * Device public keys in SQLite. The unique constraint on (user, client, device_id) makes a second
 * registration of one device an `exists` answer, even from another process at the same instant.
 *
 * @example const deviceCredentials = createSqliteDeviceCredentialStore(db);
 */
export function createSqliteDeviceCredentialStore(db: Database.Database): DeviceCredentialStore {
  const insert = db.prepare(`INSERT INTO device_credentials (${COLUMNS}) VALUES (${COLUMNS.split(', ').map((c) => `@${c}`).join(', ')})`);
  const byUser = db.prepare(`SELECT ${COLUMNS} FROM device_credentials WHERE user_id = ? ORDER BY created_at, rowid`);
  const remove = db.prepare('DELETE FROM device_credentials WHERE id = ? AND user_id = ?');

  return {
    async create(record) {
      try {
        insert.run({ ...record });
        return { created: true };
      } catch (error) {
        if (isUniqueViolation(error)) return { created: false, reason: 'exists' };
        throw error;
      }
    },
    async listByUser(user_id) {
      return byUser.all(user_id) as DeviceCredentialRecord[];
    },
    async delete(user_id, id) {
      return remove.run(id, user_id).changes > 0;
    },
  };
}
