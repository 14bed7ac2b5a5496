import { constantTimeEqual, type CodeConsumption, type CodeRecord, type CodeStore } from '@oauth-ro/core/ports';
import { deleteWhere } from './delete-where.js';

interface StoredCode extends CodeRecord {
  attempts: number;
}

const keyOf = (connection: string, recipient: string) => `${connection}\0${recipient}`;

/**
 * Passwordless codes in a Map, one per (connection, recipient). Each operation runs to completion
 * without awaiting, so on one event loop it is atomic: racing tries are counted one by one. Codes
 * that expired unused are swept as the map grows.
 *
 * @example const codes = new MemoryCodeStore();
 */
export class MemoryCodeStore implements CodeStore {
  readonly #codes = new Map<string, StoredCode>();
  #sweepAt = 1024;

  async issue(connection: string, recipient: string, record: CodeRecord): Promise<void> {
    this.#codes.set(keyOf(connection, recipient), {
      code_hash: record.code_hash,
      expires_at: record.expires_at,
      max_attempts: record.max_attempts,
      attempts: 0,
    });
    if (this.#codes.size >= this.#sweepAt) {
      // Codes live minutes; anything expired a day before the newest expiry is certainly dead.
      await this.prune(record.expires_at - 86_400_000);
      this.#sweepAt = Math.max(1024, this.#codes.size * 2);
    }
  }

  async consume(connection: string, recipient: string, code_hash: string, at: number): Promise<CodeConsumption> {
    return this.#present(connection, recipient, code_hash, at, false);
  }

  async check(connection: string, recipient: string, code_hash: string, at: number): Promise<CodeConsumption> {
    return this.#present(connection, recipient, code_hash, at, true);
  }

  #present(connection: string, recipient: string, code_hash: string, at: number, keep: boolean): CodeConsumption {
    const key = keyOf(connection, recipient);
    const stored = this.#codes.get(key);
    if (!stored) return { outcome: 'absent' };
    if (stored.expires_at <= at || stored.attempts >= stored.max_attempts) {
      this.#codes.delete(key);
      return { outcome: 'absent' };
    }
    if (constantTimeEqual(stored.code_hash, code_hash)) {
      if (!keep) this.#codes.delete(key);
      return { outcome: 'accepted' };
    }
    stored.attempts += 1;
    const attempts_left = stored.max_attempts - stored.attempts;
    if (attempts_left <= 0) this.#codes.delete(key);
    return { outcome: 'rejected', attempts_left: Math.max(0, attempts_left) };
  }

  async revoke(connection: string, recipient: string, code_hash: string): Promise<boolean> {
    const key = keyOf(connection, recipient);
    const stored = this.#codes.get(key);
    if (!stored || !constantTimeEqual(stored.code_hash, code_hash)) return false;
    return this.#codes.delete(key);
  }

  async prune(before: number): Promise<number> {
    return deleteWhere(this.#codes, (stored) => stored.expires_at < before);
  }
}
