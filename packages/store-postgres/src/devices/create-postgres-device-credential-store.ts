import type { DeviceCredentialRecord, DeviceCredentialStore } from '@oauth-ro/core/ports';
import type { Database } from '../db/types.js';

const COLUMNS = 'id, user_id, client_id, device_id, device_name, type, public_jwk, alg, created_at';

type DeviceCredentialRow = Omit<DeviceCredentialRecord, 'created_at'> & { created_at: string };

/**
 * Touch ID device keys in PostgreSQL; a unique constraint on (user, client, device_id) makes
 * `create` atomic across instances.
 *
 * @example const deviceCredentials = createPostgresDeviceCredentialStore(db);
 */
export function createPostgresDeviceCredentialStore(db: Database): DeviceCredentialStore {
  return {
    async create(r) {
      const { rowCount } = await db.query(
        `INSERT INTO device_credentials (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [r.id, r.user_id, r.client_id, r.device_id, r.device_name, r.type, r.public_jwk, r.alg, r.created_at],
      );
      return rowCount === 1 ? { created: true as const } : { created: false as const, reason: 'exists' as const };
    },

    async listByUser(user_id) {
      const { rows } = await db.query<DeviceCredentialRow>(
        `SELECT ${COLUMNS} FROM device_credentials WHERE user_id = $1 ORDER BY created_at, seq`,
        [user_id],
      );
      return rows.map((row) => ({ ...row, created_at: Number(row.created_at) }));
    },

    async delete(user_id, id) {
      const { rowCount } = await db.query('DELETE FROM device_credentials WHERE id = $1 AND user_id = $2', [id, user_id]);
      return rowCount > 0;
    },
  };
}
