import { describe, expect, it } from 'vitest';
import { parseCpuTimes, readCpuTimes, stealShare } from './proc-steal.js';

describe('hypervisor steal from /proc/stat', () => {
  it('sums the first eight fields of the aggregate line and takes the eighth as steal', () => {
    const stat = 'cpu  75573 3186 10102 161131 956 0 2688 12674 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\nintr 1\n';
    expect(parseCpuTimes(stat)).toEqual({ total: 75573 + 3186 + 10102 + 161131 + 956 + 0 + 2688 + 12674, steal: 12674 });
  });

  it('answers undefined for text without an aggregate cpu line or with too few fields', () => {
    expect(parseCpuTimes('cpu0 1 2 3 4 5 6 7 8\n')).toBeUndefined();
    expect(parseCpuTimes('cpu  1 2 3\n')).toBeUndefined();
    expect(parseCpuTimes('')).toBeUndefined();
  });

  it('gives the share stolen between two readings, undefined when either is missing or no time passed', () => {
    expect(stealShare({ total: 1000, steal: 10 }, { total: 2000, steal: 260 })).toBe(0.25);
    expect(stealShare(undefined, { total: 2000, steal: 260 })).toBeUndefined();
    expect(stealShare({ total: 1000, steal: 10 }, { total: 1000, steal: 10 })).toBeUndefined();
  });

  it('reads this machine (Linux) as a share between 0 and 1', async () => {
    const before = readCpuTimes();
    expect(before).toBeDefined();
    const until = Date.now() + 30;
    while (Date.now() < until);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const share = stealShare(before, readCpuTimes());
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(1);
  });
});
