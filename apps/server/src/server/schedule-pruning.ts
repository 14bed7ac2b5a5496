import type { PruneReport } from '@oauth-ro/core/admin';

/** What {@link schedulePruning} needs. */
export interface SchedulePruningOptions {
  /** Time between the end of one run and the start of the next, before jitter. */
  readonly intervalMs: number;
  /** One sweep (`pruneExpired` over the server's stores). */
  run(): Promise<PruneReport>;
  readonly log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /** A number in [0, 1) for jitter; default `Math.random`. */
  readonly random?: () => number;
}

/** A running schedule. */
export interface PruneSchedule {
  /** Cancels the next run and waits for one under way to finish; the stores may close after it. */
  stop(): Promise<void>;
}

/** The first run waits at most this long (less with a shorter interval), so a fresh start sweeps soon. */
const FIRST_RUN_MAX_MS = 60_000;

/**
 * Runs `run` shortly after start (within the first minute, or the interval if shorter), then every
 * `intervalMs` ± 10 %, so that instances started together spread their sweeps. A run starts only
 * after the previous one ended; one info line reports the counts, failures are logged as warnings
 * and never stop the schedule. The timer is unref'd: it never keeps the process alive.
 *
 * @example
 * const pruning = schedulePruning({ intervalMs: 3_600_000, run: () => pruneExpired(deps), log: app.log });
 * await pruning.stop(); // on shutdown, before closing the stores
 */
export function schedulePruning(options: SchedulePruningOptions): PruneSchedule {
  const random = options.random ?? Math.random;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  async function once(): Promise<void> {
    try {
      const report = await options.run();
      options.log.info({ pruned: report.pruned }, 'pruned expired records');
      if (report.failed.length > 0) options.log.warn({ failed: report.failed }, 'pruning failed for some stores; retrying at the next run');
    } catch (error) {
      options.log.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'pruning failed; retrying at the next run');
    }
  }

  function arm(delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = once().finally(() => {
        running = undefined;
        arm(options.intervalMs * (0.9 + 0.2 * random()));
      });
    }, delayMs);
    timer.unref();
  }

  arm(Math.min(options.intervalMs, FIRST_RUN_MAX_MS) * (0.5 + 0.5 * random()));

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
