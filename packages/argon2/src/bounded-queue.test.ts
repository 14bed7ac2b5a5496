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
});
