import { COUNTER_LIST_LIMIT, type CounterEntry, type CounterStore, type CounterValue, type SlotGrant, type SlotOutcome } from '@oauth-ro/core/ports';
import { deleteWhere } from './delete-where.js';

/**
 * Fixed-window counters in a Map. Each operation runs without awaiting, so it is atomic on one
 * event loop; ended windows are swept as the map grows.
 *
 * @example const counters = new MemoryCounterStore();
 */
export class MemoryCounterStore implements CounterStore {
  readonly #counters = new Map<string, { count: number; resets_at: number }>();
  /** Slots in flight per key: slot id → lease end. */
  readonly #slots = new Map<string, Map<string, number>>();
  #sweepAt = 1024;

  async increment(key: string, window_ms: number, at: number): Promise<CounterValue> {
    const live = this.#counters.get(key);
    const next = live && live.resets_at > at ? { count: live.count + 1, resets_at: live.resets_at } : { count: 1, resets_at: at + window_ms };
    this.#counters.set(key, next);
    if (this.#counters.size >= this.#sweepAt) {
      deleteWhere(this.#counters, (v) => v.resets_at <= at);
      this.#sweepAt = Math.max(1024, this.#counters.size * 2);
    }
    return { ...next };
  }

  async get(key: string, at: number): Promise<number> {
    const live = this.#counters.get(key);
    return live && live.resets_at > at ? live.count : 0;
  }

  async reset(key: string): Promise<boolean> {
    return this.#counters.delete(key);
  }

  async release(key: string): Promise<void> {
    const live = this.#counters.get(key);
    if (live && live.count > 0) this.#counters.set(key, { ...live, count: live.count - 1 });
  }

  async acquire(key: string, slot: string, limit: number, lease_ms: number, at: number): Promise<SlotGrant> {
    const live = this.#counters.get(key);
    const failures = live && live.resets_at > at ? live.count : 0;
    if (failures >= limit) return { granted: false, reason: 'blocked', resets_at: live!.resets_at };
    const slots = this.#slots.get(key) ?? new Map<string, number>();
    deleteWhere(slots, (expires_at) => expires_at <= at);
    if (failures + slots.size >= limit) {
      if (slots.size === 0) this.#slots.delete(key);
      return { granted: false, reason: 'busy' };
    }
    slots.set(slot, at + lease_ms);
    this.#slots.set(key, slots);
    return { granted: true };
  }

  async settle(key: string, slot: string, outcome: SlotOutcome, window_ms: number, at: number): Promise<void> {
    const slots = this.#slots.get(key);
    if (slots?.delete(slot) && slots.size === 0) this.#slots.delete(key);
    if (outcome === 'failure') await this.increment(key, window_ms, at);
    else if (outcome === 'success') this.#counters.delete(key);
  }

  async list(prefix: string, at: number): Promise<CounterEntry[]> {
    const out: CounterEntry[] = [];
    for (const [key, v] of this.#counters) {
      if (out.length >= COUNTER_LIST_LIMIT) break;
      if (v.resets_at > at && key.startsWith(prefix)) out.push({ key, count: v.count, resets_at: v.resets_at });
    }
    return out;
  }

  async prune(before: number): Promise<number> {
    for (const [key, slots] of this.#slots) if (deleteWhere(slots, (expires_at) => expires_at < before) && slots.size === 0) this.#slots.delete(key);
    return deleteWhere(this.#counters, (v) => v.resets_at < before);
  }
}
