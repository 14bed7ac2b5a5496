import { refreshTokenSuccessor, type RefreshTokenRecord, type RefreshTokenRotation, type RefreshTokenStore, type RefreshTokenUse } from '@oauth-ro/core/ports';

/**
 * Refresh tokens in a Map keyed by hash. Every method runs synchronously inside, so `use` (check,
 * rotate or detect reuse) is atomic within the process.
 *
 * @example const refreshTokens = new MemoryRefreshTokenStore();
 */
export class MemoryRefreshTokenStore implements RefreshTokenStore {
  readonly #byHash = new Map<string, RefreshTokenRecord>();

  async create(record: RefreshTokenRecord): Promise<void> {
    if (this.#byHash.has(record.token_hash)) throw new Error('refresh token hash already stored');
    this.#byHash.set(record.token_hash, { ...record });
  }

  async findByHash(token_hash: string): Promise<RefreshTokenRecord | undefined> {
    const record = this.#byHash.get(token_hash);
    return record && { ...record };
  }

  async use(
    token_hash: string,
    client_id: string,
    at: number,
    rotation?: RefreshTokenRotation,
    idle_expires_at?: number,
  ): Promise<RefreshTokenUse> {
    const record = this.#byHash.get(token_hash);
    if (
      !record ||
      record.client_id !== client_id ||
      record.revoked_at !== undefined ||
      (record.expires_at !== undefined && record.expires_at <= at) ||
      (record.rotated_at === undefined && record.idle_expires_at !== undefined && record.idle_expires_at <= at)
    ) {
      return { outcome: 'invalid' };
    }
    if (record.rotated_at !== undefined && !(rotation && at - record.rotated_at <= rotation.leeway_ms)) {
      this.#revoke(record.family_id, at);
      return { outcome: 'reused', record: { ...this.#byHash.get(token_hash)! } };
    }
    const idle = idle_expires_at === undefined ? {} : { idle_expires_at };
    if (!rotation) {
      const { idle_expires_at: _i, ...rest } = record;
      const used: RefreshTokenRecord = { ...rest, last_used_at: at, ...idle };
      this.#byHash.set(token_hash, used);
      return { outcome: 'active', record: { ...used } };
    }
    const used: RefreshTokenRecord = { ...record, last_used_at: at, rotated_at: record.rotated_at ?? at };
    const successor = refreshTokenSuccessor(record, rotation, idle_expires_at);
    if (this.#byHash.has(successor.token_hash)) throw new Error('refresh token hash already stored');
    this.#byHash.set(token_hash, used);
    this.#byHash.set(successor.token_hash, successor);
    return { outcome: 'rotated', record: { ...used }, successor: { ...successor } };
  }

  #revoke(family_id: string, at: number): number {
    let count = 0;
    for (const [hash, record] of this.#byHash) {
      if (record.family_id === family_id && record.revoked_at === undefined) {
        this.#byHash.set(hash, { ...record, revoked_at: at });
        count += 1;
      }
    }
    return count;
  }

  async revokeFamily(family_id: string, at: number): Promise<number> {
    return this.#revoke(family_id, at);
  }

  async listByUser(user_id: string): Promise<RefreshTokenRecord[]> {
    return [...this.#byHash.values()]
      .filter((r) => r.user_id === user_id && r.revoked_at === undefined && r.rotated_at === undefined)
      .sort((a, b) => a.created_at - b.created_at)
      .map((r) => ({ ...r }));
  }

  async prune(before: number): Promise<number> {
    // A family is idle-dead when every token of it has an idle deadline before the cut-off.
    const idleAlive = new Set<string>();
    for (const r of this.#byHash.values()) {
      if (r.idle_expires_at === undefined || r.idle_expires_at >= before) idleAlive.add(r.family_id);
    }
    let count = 0;
    for (const [hash, r] of this.#byHash) {
      const ended = [r.expires_at, r.revoked_at].some((t) => t !== undefined && t < before);
      if (ended || !idleAlive.has(r.family_id)) {
        this.#byHash.delete(hash);
        count += 1;
      }
    }
    return count;
  }
}
