import type { Clock } from '../ports/clock.js';
import type { CounterStore } from '../ports/counter-store.js';
import type { Random } from '../ports/random.js';
import { toHex } from '../util/encoding.js';

/** How long a slot stays taken if its instance dies mid-attempt: longer than any judged attempt. */
export const SLOT_LEASE_MS = 60_000;

/** Longest an attempt waits for a slot before it is answered 503 (retry), never 429. */
export const MAX_SLOT_WAIT_MS = 10_000;

/** What {@link waitForSlot} got: a slot to judge the attempt in, a block, or no slot in time. */
export type SlotWait = { readonly ok: true; readonly slot: string } | { readonly ok: false; readonly reason: 'blocked'; readonly resets_at: number } | { readonly ok: false; readonly reason: 'busy' };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes a slot of `key` under `limit` (see `CounterStore.acquire`), waiting while failures plus
 * attempts in flight fill the limit: a slot frees when an attempt ends, and the wait ends as soon as
 * one is free, or the failures reach the limit (`blocked`), or after about
 * {@link MAX_SLOT_WAIT_MS} (`busy`). The store is asked again after 5 ms, growing to 100 ms with
 * jitter, so the waiting works across instances without any message between them. While
 * `giveUp()` is true, a slot taken by attempts in flight is not waited for (`busy` at once).
 *
 * @example
 * const wait = await waitForSlot(deps, 'bf:db:a@x.io:192.0.2.1', 10);
 * if (wait.ok) await deps.counters.settle(key, wait.slot, 'failure', window_ms, deps.clock.now());
 */
export async function waitForSlot(
  deps: { readonly counters: CounterStore; readonly clock: Clock; readonly random: Random },
  key: string,
  limit: number,
  { maxWaitMs = MAX_SLOT_WAIT_MS, giveUp = () => false }: { readonly maxWaitMs?: number; readonly giveUp?: () => boolean } = {},
): Promise<SlotWait> {
  const slot = toHex(deps.random.bytes(12));
  const started = performance.now();
  let delay = 5;
  for (;;) {
    const grant = await deps.counters.acquire(key, slot, limit, SLOT_LEASE_MS, deps.clock.now());
    if (grant.granted) return { ok: true, slot };
    if (grant.reason === 'blocked') return { ok: false, reason: 'blocked', resets_at: grant.resets_at };
    const waited = performance.now() - started;
    if (waited >= maxWaitMs || giveUp()) return { ok: false, reason: 'busy' };
    await sleep(Math.min(delay, maxWaitMs - waited) * (0.5 + Math.random() / 2));
    delay = Math.min(delay * 2, 100);
  }
}
