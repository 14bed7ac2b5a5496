import { isUnavailableError } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import { createBoundedQueue } from './bounded-queue.js';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createBoundedQueue', () => {
  it('runs at most `concurrency` tasks and refuses beyond the queue', async () => {
    const run = createBoundedQueue({ concurrency: 2, maxQueued: 3 });
    const gate = deferred();
    let active = 0;
    let peak = 0;
    const task = async () => {
      active += 1;
      peak = Math.max(peak, active);
      await gate.promise;
      active -= 1;
      return 'done';
    };
    const accepted = Array.from({ length: 5 }, () => run(task));
    const refused = await run(task).catch((error: unknown) => error);
    expect(isUnavailableError(refused)).toBe(true);
    await Promise.resolve();
    expect([run.running, run.waiting]).toEqual([2, 3]);
    gate.resolve();
    expect(await Promise.all(accepted)).toEqual(Array(5).fill('done'));
    expect(peak).toBe(2);
    expect([run.running, run.waiting]).toEqual([0, 0]);
  });

  it('frees its slot when a task fails', async () => {
    const run = createBoundedQueue({ concurrency: 1, maxQueued: 0 });
    await expect(run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(run(async () => 1)).resolves.toBe(1);
  });

  it('serves in arrival order while the queue drains within lifoAfterMs', async () => {
    let clock = 0;
    const run = createBoundedQueue({ concurrency: 1, maxQueued: 10, lifoAfterMs: 100, shedAfterMs: 1000, overloadWaiting: 0 }, () => clock);
    const gates = Array.from({ length: 4 }, deferred);
    const order: number[] = [];
    const all = gates.map((gate, i) => run(async () => { order.push(i); await gate.promise; }));
    clock = 50;
    for (const gate of gates) {
      gate.resolve();
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(all);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('serves the newest waiter first once the oldest has waited past lifoAfterMs', async () => {
    let clock = 0;
    const run = createBoundedQueue({ concurrency: 1, maxQueued: 10, lifoAfterMs: 100, shedAfterMs: 1000, overloadWaiting: 0 }, () => clock);
    const gates = Array.from({ length: 4 }, deferred);
    const order: number[] = [];
    const all = gates.map((gate, i) => run(async () => { order.push(i); await gate.promise; }));
    clock = 150;
    for (const gate of gates) {
      gate.resolve();
      await new Promise((r) => setTimeout(r, 0));
    }
    await Promise.all(all);
    expect(order).toEqual([0, 3, 2, 1]);
  });

  it('answers a burst in full when nothing arrives after it, however long it waits', async () => {
    let clock = 0;
    const run = createBoundedQueue({ concurrency: 2, maxQueued: 1000, lifoAfterMs: 100, shedAfterMs: 500, overloadWaiting: 0 }, () => clock);
    const burst = Array.from({ length: 1000 }, () =>
      run(async () => {
        clock += 20;
        await Promise.resolve();
        return 'done';
      }),
    );
    const settled = await Promise.allSettled(burst);
    expect(clock).toBe(20_000);
    expect(settled.filter((s) => s.status === 'fulfilled')).toHaveLength(1000);
  });

  it('lets an arrival shed the oldest waiter once it has waited past shedAfterMs, with Retry-After', async () => {
    let clock = 0;
    const run = createBoundedQueue({ concurrency: 1, maxQueued: 10, lifoAfterMs: 100, shedAfterMs: 500, overloadWaiting: 0 }, () => clock);
    await run(async () => 'one completed: one shed allowed');
    const gate = deferred();
    const first = run(() => gate.promise);
    const old = run(async () => 'old').catch((error: unknown) => error);
    clock = 400;
    const younger = run(async () => 'younger');
    expect(run.waiting).toBe(2);
    clock = 600;
    const fresh = run(async () => 'fresh');
    const shed = await old;
    expect(isUnavailableError(shed)).toBe(true);
    expect((shed as { retryAfter: number }).retryAfter).toBe(1);
    expect(run.waiting).toBe(2);
    gate.resolve();
    await first;
    expect(await Promise.all([younger, fresh])).toEqual(['younger', 'fresh']);
  });

  it('still refuses at once beyond maxQueued while no waiter is old enough to shed', async () => {
    let clock = 0;
    const run = createBoundedQueue({ concurrency: 1, maxQueued: 1, lifoAfterMs: 100, shedAfterMs: 500, overloadWaiting: 0 }, () => clock);
    const gate = deferred();
    const first = run(() => gate.promise);
    const queued = run(async () => 'queued');
    clock = 499;
    await expect(run(async () => 'refused')).rejects.toSatisfy(isUnavailableError);
    gate.resolve();
    await first;
    expect(await queued).toBe('queued');
  });

  it('sheds at most two waiters per task completed, so instant retries of shed clients do not chain', async () => {
    let clock = 0;
    const run = createBoundedQueue({ concurrency: 1, maxQueued: 100, lifoAfterMs: 100, shedAfterMs: 500, overloadWaiting: 0 }, () => clock);
    await run(async () => 'one completed');
    const gate = deferred();
    const first = run(() => gate.promise);
    const old = Array.from({ length: 5 }, () => run(async () => 'old').catch((error: unknown) => error));
    clock = 1000;
    // Each shed client retries at once; only the first two arrivals find a shed allowed.
    const retries = Array.from({ length: 5 }, () => run(async () => 'retry'));
    const settled = await Promise.race([Promise.all(old), new Promise((r) => setTimeout(() => r('pending'), 20))]);
    expect(settled).toBe('pending');
    expect(run.waiting).toBe(8);
    gate.resolve();
    await first;
    await Promise.all(retries);
    const outcomes = await Promise.all(old);
    expect(outcomes.filter((o) => isUnavailableError(o))).toHaveLength(2);
  });

  it('keeps arrival order and sheds nothing while no more than overloadWaiting wait, however old the oldest', async () => {
    let clock = 0;
    // 2 slots and 14 waiting: 16 clients that each send their next login when answered.
    const run = createBoundedQueue({ concurrency: 2, maxQueued: 1000, lifoAfterMs: 100, shedAfterMs: 500 }, () => clock);
    const gates = [deferred(), deferred()];
    const running = gates.map((gate) => run(() => gate.promise));
    const order: number[] = [];
    const waiting = Array.from({ length: 14 }, (_, i) => run(async () => void order.push(i)));
    clock = 2000;
    // A steady client's next login arrives while the oldest has waited 2 s: it is queued, nothing is shed.
    const next = run(async () => void order.push(14));
    expect(run.waiting).toBe(15);
    for (const gate of gates) gate.resolve();
    await Promise.all([...running, ...waiting, next]);
    expect(order).toEqual(Array.from({ length: 15 }, (_, i) => i));
  });

  it('runs only overloadConcurrency tasks while overloaded, and refills every slot once the queue is short again', async () => {
    const run = createBoundedQueue({ concurrency: 4, overloadConcurrency: 2, overloadWaiting: 2, maxQueued: 10, lifoAfterMs: 1e9, shedAfterMs: 1e9 });
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const gates = Array.from({ length: 8 }, deferred);
    const started: number[] = [];
    const all = gates.map((gate, i) => run(async () => { started.push(i); await gate.promise; }));
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    expect([run.running, run.waiting, run.overloaded]).toEqual([4, 4, true]);
    // Four waiting is more than two: overloaded, two slots. Two completions start nothing.
    for (const i of [0, 1]) {
      gates[i]!.resolve();
      await tick();
    }
    expect(started).toEqual([0, 1, 2, 3]);
    expect([run.running, run.waiting]).toEqual([2, 4]);
    gates[2]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect([run.running, run.waiting, run.overloaded]).toEqual([2, 3, true]);
    // Starting 5 leaves two waiting: no longer overloaded, so 6 and 7 start at once too.
    gates[3]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([run.running, run.waiting, run.overloaded]).toEqual([4, 0, false]);
    for (const gate of gates) gate.resolve();
    await Promise.all(all);
    expect([run.running, run.waiting]).toEqual([0, 0]);
  });
});
