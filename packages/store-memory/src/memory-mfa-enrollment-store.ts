import type { MfaEnrollmentStore } from '@oauth-ro/core';
import type { MfaEnrollmentRecord } from '@oauth-ro/core/ports';

/**
 * MFA enrolments in a Map by id. Every method runs without an `await` between its read and its
 * write, so each is atomic on the one event loop.
 *
 * @example const mfaEnrollments = new MemoryMfaEnrollmentStore();
 */
export class MemoryMfaEnrollmentStore implements MfaEnrollmentStore {
  readonly #byId = new Map<string, MfaEnrollmentRecord>();

  async put(record: MfaEnrollmentRecord): Promise<void> {
    for (const [id, e] of this.#byId) if (e.user_id === record.user_id && e.status === 'pending') this.#byId.delete(id);
    this.#byId.set(record.id, { ...record, status: 'pending' });
  }

  async listByUser(user_id: string): Promise<readonly MfaEnrollmentRecord[]> {
    return [...this.#byId.values()].filter((e) => e.user_id === user_id).sort((a, b) => a.created_at - b.created_at);
  }

  async get(id: string): Promise<MfaEnrollmentRecord | undefined> {
    return this.#byId.get(id);
  }

  async confirm(id: string, at: number, recovery_code_hash: string): Promise<boolean> {
    const record = this.#byId.get(id);
    if (record?.status !== 'pending') return false;
    for (const [other, e] of this.#byId) if (e.user_id === record.user_id && e.status === 'confirmed') this.#byId.delete(other);
    this.#byId.set(id, { ...record, status: 'confirmed', confirmed_at: at, recovery_code_hash });
    return true;
  }

  async touch(id: string, at: number): Promise<void> {
    const record = this.#byId.get(id);
    if (record) this.#byId.set(id, { ...record, last_auth_at: at });
  }

  async swapRecoveryCode(id: string, expected_hash: string | undefined, new_hash: string): Promise<boolean> {
    const record = this.#byId.get(id);
    if (record?.status !== 'confirmed') return false;
    if (expected_hash !== undefined && record.recovery_code_hash !== expected_hash) return false;
    this.#byId.set(id, { ...record, recovery_code_hash: new_hash });
    return true;
  }

  async delete(id: string): Promise<boolean> {
    return this.#byId.delete(id);
  }

  async deleteByUser(user_id: string): Promise<number> {
    let n = 0;
    for (const [id, e] of this.#byId) if (e.user_id === user_id && this.#byId.delete(id)) n++;
    return n;
  }

  async prunePending(before: number): Promise<number> {
    let n = 0;
    for (const [id, e] of this.#byId) if (e.status === 'pending' && e.created_at < before && this.#byId.delete(id)) n++;
    return n;
  }
}
