import type { PruneReport } from '@oauth-ro/core/admin';
import { describe, expect, it } from 'vitest';
import { schedulePruning } from './schedule-pruning.js';

interface Line {
  level: 'info' | 'warn';
  obj: object;
  msg: string;
}

/** A log that records lines and lets a test await the n-th one. */
function recordingLog() {
  const lines: Line[] = [];
  const waiters: { n: number; resolve(): void }[] = [];
  const push = (level: Line['level']) => (obj: object, msg: string) => {
    lines.push({ level, obj, msg });
    for (const w of waiters.filter((w) => lines.length >= w.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  };
  return {
    lines,
    log: { info: push('info'), warn: push('warn') },
    until: (n: number) => (lines.length >= n ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ n, resolve }))),
  };
}

const report = (n: number): PruneReport => ({ pruned: { refreshTokens: n, codes: 0 }, failed: [] });

describe('schedulePruning', () => {
  it('runs soon after start, then again and again, logging the counts, and stops', async () => {
    const { lines, log, until } = recordingLog();
    let runs = 0;
    const schedule = schedulePruning({ intervalMs: 20, run: async () => report(++runs), log });
    await until(3);
    await schedule.stop();
    const after = runs;
    expect(lines.slice(0, 3)).toEqual([1, 2, 3].map((n) => ({ level: 'info', obj: { pruned: { refreshTokens: n, codes: 0 } }, msg: 'pruned expired records' })));
    // Stopped: no run after stop() resolved, even past several intervals.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs).toBe(after);
  });

  it('never overlaps runs, and stop() waits for the run under way', async () => {
    const { log } = recordingLog();
    let active = 0;
    let most = 0;
    let release!: () => void;
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const schedule = schedulePruning({
      intervalMs: 1,
      random: () => 0,
      log,
      run: async () => {
        active += 1;
        most = Math.max(most, active);
        started();
        await new Promise<void>((resolve) => (release = resolve));
        active -= 1;
        return report(0);
      },
    });
    await firstStarted;
    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(most).toBe(1);
    expect(active).toBe(0);
  });

  it('logs a failed run as a warning and keeps going; reports stores that failed', async () => {
    const { lines, log, until } = recordingLog();
    let runs = 0;
    const schedule = schedulePruning({
      intervalMs: 10,
      log,
      run: async () => {
        runs += 1;
        if (runs === 1) throw new Error('database unavailable');
        return { pruned: { codes: 2 }, failed: [{ store: 'counters', message: 'redis away' }] };
      },
    });
    await until(3);
    await schedule.stop();
    expect(lines.slice(0, 3)).toEqual([
      { level: 'warn', obj: { err: { message: 'database unavailable' } }, msg: 'pruning failed; retrying at the next run' },
      { level: 'info', obj: { pruned: { codes: 2 } }, msg: 'pruned expired records' },
      { level: 'warn', obj: { failed: [{ store: 'counters', message: 'redis away' }] }, msg: 'pruning failed for some stores; retrying at the next run' },
    ]);
  });
});
