import type { DeviceCredentialRecord, DeviceCredentialStore } from '@oauth-ro/core/ports';

/**
 * Device public keys in a Map, unique per user, client and device_id.
 *
 * @example const deviceCredentials = new MemoryDeviceCredentialStore();
 */
export class MemoryDeviceCredentialStore implements DeviceCredentialStore {
  readonly #byId = new Map<string, DeviceCredentialRecord>();

  async create(record: DeviceCredentialRecord): Promise<{ created: true } | { created: false; reason: 'exists' }> {
    const taken = [...this.#byId.values()].some(
      (r) => r.user_id === record.user_id && r.client_id === record.client_id && r.device_id === record.device_id,
    );
    if (taken || this.#byId.has(record.id)) return { created: false, reason: 'exists' };
    this.#byId.set(record.id, { ...record });
    return { created: true };
  }

  async listByUser(user_id: string): Promise<DeviceCredentialRecord[]> {
    return [...this.#byId.values()]
      .filter((r) => r.user_id === user_id)
      .sort((a, b) => a.created_at - b.created_at)
      .map((r) => ({ ...r }));
  }

  async delete(user_id: string, id: string): Promise<boolean> {
    const record = this.#byId.get(id);
    if (!record || record.user_id !== user_id) return false;
    return this.#byId.delete(id);
  }
}
