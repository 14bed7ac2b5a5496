import { describe, expect, it } from 'vitest';
import { parseCpuTimes, readCpuTimes, stealShare } from './proc-steal.js';

describe('hypervisor steal from /proc/stat', () => {
  it('sums the first eight fields of the aggregate line and takes the eighth as steal', () => {
    const stat = 'cpu  75573 3186 10102 161131 956 0 2688 12674 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 1\n';
    expect(parseCpuTimes(stat)).toEqual({ total: 75573 + 3186 + 10102 + 161131 + 956 + 0 + 2688 + 12674, idle: 161131 + 956, steal: 12674 });
  });

  it('answers undefined for text without an aggregate cpu line or with too few fields', () => {
    expect(parseCpuTimes('cpu0 1 2 3 4 5 6 7 8\n')).toBeUndefined();
    expect(parseCpuTimes('cpu  1 2 3\n')).toBeUndefined();
    expect(parseCpuTimes('')).toBeUndefined();
  });

  it('gives the share of the busy time stolen between two readings, idle time left out', () => {
    // 1000 ticks passed, 500 of them idle: of the 500 the CPUs wanted, 125 were stolen.
    expect(stealShare({ total: 1000, idle: 400, steal: 10 }, { total: 2000, idle: 900, steal: 135 })).toBe(0.25);
  });

  it('answers undefined when either reading is missing or the CPUs never wanted to run', () => {
    expect(stealShare(undefined, { total: 2000, idle: 0, steal: 260 })).toBeUndefined();
    expect(stealShare({ total: 1000, idle: 900, steal: 10 }, { total: 2000, idle: 1900, steal: 10 })).toBeUndefined();
  });

  it('reads this machine (Linux) as a share between 0 and 1', () => {
    const before = readCpuTimes();
    expect(before).toBeDefined();
    // Busy for 60 ms, so that the CPUs wanted to run for some ticks (10 ms each).
    const until = Date.now() + 60;
    while (Date.now() < until);
    const share = stealShare(before, readCpuTimes());
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(1);
  });
});
