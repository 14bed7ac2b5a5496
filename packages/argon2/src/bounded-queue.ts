import { UnavailableError } from '@oauth-ro/core/ports';

/** Limits of {@link createBoundedQueue}. */
export interface QueueLimits {
  /** Tasks running at once (argon2 runs on libuv's pool, 4 threads by default). */
  readonly concurrency: number;
  /** Tasks waiting beyond those; one more is refused with {@link UnavailableError}. */
  readonly maxQueued: number;
}

/**
 * A bounded queue: call it with a task; read how loaded it is.
 *
 * @example const run = createBoundedQueue({ concurrency: 1, maxQueued: 8 }); run.waiting; // 0
 */
export type BoundedQueue = (<T>(task: () => Promise<T>) => Promise<T>) & {
  /** Tasks running now. */
  readonly running: number;
  /** Tasks waiting for a slot now (the queue depth). */
  readonly waiting: number;
};

/**
 * Runs async tasks at most `concurrency` at a time with at most `maxQueued` waiting, so a flood of
 * logins costs bounded memory (argon2id holds its memory cost per running hash) and fails fast
 * with a 503 instead of queueing without end.
 *
 * @example
 * const run = createBoundedQueue({ concurrency: 4, maxQueued: 256 });
 * await run(() => verify(hash, password));
 */
export function createBoundedQueue(limits: QueueLimits): BoundedQueue {
  let running = 0;
  const waiting: Array<() => void> = [];
  const next = () => {
    running -= 1;
    waiting.shift()?.();
  };
  const run = async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limits.concurrency) {
      if (waiting.length >= limits.maxQueued) throw new UnavailableError('password hashing is saturated', 1);
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    running += 1;
    try {
      return await task();
    } finally {
      next();
    }
  };
  return Object.defineProperties(run, {
    running: { get: () => running, enumerable: true },
    waiting: { get: () => waiting.length, enumerable: true },
  }) as BoundedQueue;
}
