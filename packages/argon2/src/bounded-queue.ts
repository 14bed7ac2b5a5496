import { UnavailableError } from '@oauth-ro/core/ports';

/** Limits of {@link createBoundedQueue}. */
export interface QueueLimits {
  /** Tasks running at once (argon2 runs on libuv's pool, 4 threads by default). */
  readonly concurrency: number;
  /** Tasks waiting beyond those; one more is refused with {@link UnavailableError}. */
  readonly maxQueued: number;
  /**
   * Once the oldest waiting task has waited this long, a freed slot goes to the newest waiter
   * (adaptive LIFO): under sustained overload the answered tasks are the fresh ones, not those whose
   * clients have waited longest. Default {@link DEFAULT_LIFO_AFTER_MS}.
   */
  readonly lifoAfterMs?: number;
  /**
   * A task arriving while the oldest waiter has waited longer than this sheds that waiter (it is
   * refused with {@link UnavailableError}, a 503 with `Retry-After`) and takes its place, at most
   * two sheds per task completed: overload up to three times what completes is shed, while clients
   * that resend the moment they are refused cannot turn shedding into an endless chain of refusals. Only arrivals shed:
   * a burst on an idle server that then stops is answered in full (up to `maxQueued`). Default
   * {@link DEFAULT_SHED_AFTER_MS}; `Infinity` never sheds.
   */
  readonly shedAfterMs?: number;
  /**
   * Waiting time decides only while more than this many tasks wait (default
   * {@link OVERLOAD_WAITING_PER_SLOT} × `concurrency`): a steady load of a few clients more than there
   * are slots keeps a short standing queue whose oldest waiter can be slow on a busy machine, and is
   * served in arrival order without refusals; only a queue deeper than that, which arrivals beyond
   * capacity build, switches to newest-first and sheds.
   */
  readonly overloadWaiting?: number;
  /**
   * Tasks running at once while more than `overloadWaiting` wait (default `concurrency`). The
   * hasher runs two per hashing thread (one hashing, the next handed to it) for throughput, and one
   * per thread in overload: a hash handed ahead starts only after the one before it on its thread,
   * so the fresh arrivals overload admission serves first would wait a whole hash more.
   */
  readonly overloadConcurrency?: number;
}

/**
 * Waiters shed at most per task completed: arrivals at up to three times the rate tasks complete
 * are shed without the queue growing (at exactly twice, one per completion would leave no margin),
 * and clients that resend the moment they are refused get at most this many 503s per completion.
 */
const SHEDS_PER_COMPLETION = 2;

/** {@link QueueLimits.overloadWaiting} when not given, per slot. */
export const OVERLOAD_WAITING_PER_SLOT = 8;
/** {@link QueueLimits.lifoAfterMs} when not given. */
export const DEFAULT_LIFO_AFTER_MS = 100;
/** {@link QueueLimits.shedAfterMs} when not given. */
export const DEFAULT_SHED_AFTER_MS = 500;

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
  /**
   * Whether the queue is in overload now: more than `overloadWaiting` tasks wait, so admission is
   * newest first and waiters are shed.
   */
  readonly overloaded: boolean;
};

interface Waiter {
  readonly since: number;
  readonly start: () => void;
  readonly shed: (error: UnavailableError) => void;
}

/**
 * Runs async tasks at most `concurrency` at a time with at most `maxQueued` waiting, so a flood of
 * logins costs bounded memory (argon2id holds its memory cost per running hash) and fails fast
 * with a 503 instead of queueing without end. Admission also looks at waiting time once the queue
 * is deeper than `overloadWaiting`: FIFO while the queue drains quickly, newest first once the
 * oldest waiter passed `lifoAfterMs`, and waiters older than `shedAfterMs` give their place to new
 * arrivals. `now` is the clock (ms).
 *
 * @example
 * const run = createBoundedQueue({ concurrency: 4, maxQueued: 256 });
 * await run(() => verify(hash, password));
 */
export function createBoundedQueue(limits: QueueLimits, now: () => number = () => performance.now()): BoundedQueue {
  const lifoAfterMs = limits.lifoAfterMs ?? DEFAULT_LIFO_AFTER_MS;
  const shedAfterMs = limits.shedAfterMs ?? DEFAULT_SHED_AFTER_MS;
  const overloadWaiting = limits.overloadWaiting ?? OVERLOAD_WAITING_PER_SLOT * limits.concurrency;
  const overloadConcurrency = Math.min(limits.overloadConcurrency ?? limits.concurrency, limits.concurrency);
  let running = 0;
  // Sheds allowed now: SHEDS_PER_COMPLETION per task completed, banked up to that many per slot
  // that runs in overload (the only time sheds happen).
  let shedCredit = 0;
  // Oldest first; LIFO takes from the end.
  const waiting: Waiter[] = [];
  const saturated = () => new UnavailableError('password hashing is saturated', 1);
  const overloaded = () => waiting.length > overloadWaiting;
  const slots = () => (overloaded() ? overloadConcurrency : limits.concurrency);
  // Starts waiters while slots are free: FIFO, or newest first once overloaded and the oldest has waited past lifoAfterMs.
  const dispatch = () => {
    while (waiting.length > 0 && running < slots()) {
      const waiter = overloaded() && now() - waiting[0]!.since > lifoAfterMs ? waiting.pop()! : waiting.shift()!;
      running += 1;
      waiter.start();
    }
  };
  const done = () => {
    running -= 1;
    shedCredit = Math.min(SHEDS_PER_COMPLETION * overloadConcurrency, shedCredit + SHEDS_PER_COMPLETION);
    dispatch();
  };
  const run = async <T>(task: () => Promise<T>): Promise<T> => {
    if (waiting.length === 0 && running < slots()) {
      running += 1;
    } else {
      const oldest = waiting[0];
      if (oldest && overloaded() && shedCredit > 0 && now() - oldest.since > shedAfterMs) {
        shedCredit -= 1;
        waiting.shift()!.shed(saturated());
      } else if (waiting.length >= limits.maxQueued) throw saturated();
      const started = new Promise<void>((start, shed) => waiting.push({ since: now(), start, shed }));
      // A shed may have ended the overload, freeing slots for those waiting.
      dispatch();
      await started;
    }
    try {
      return await task();
    } finally {
      done();
    }
  };
  return Object.defineProperties(run, {
    running: { get: () => running, enumerable: true },
    waiting: { get: () => waiting.length, enumerable: true },
    overloaded: { get: overloaded, enumerable: true },
  }) as BoundedQueue;
}
