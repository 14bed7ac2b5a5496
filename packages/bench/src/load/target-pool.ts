import type { RunningTarget } from './spawn-target.js';

/** Tracks the children a run started, so that a failure anywhere still stops every one of them. */
export interface TargetPool {
  start<T extends RunningTarget | undefined>(starting: Promise<T>): Promise<T>;
  stop(target: RunningTarget): Promise<void>;
  stopAll(): Promise<void>;
}

/** @example const pool = targetPool(); try { … } finally { await pool.stopAll(); } */
export function targetPool(): TargetPool {
  const running = new Set<RunningTarget>();
  return {
    async start(starting) {
      const target = await starting;
      if (target) running.add(target);
      return target;
    },
    async stop(target) {
      running.delete(target);
      await target.stop();
    },
    async stopAll() {
      for (const target of [...running].reverse()) await target.stop().catch(() => {});
      running.clear();
    },
  };
}
