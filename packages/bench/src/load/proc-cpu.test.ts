import { describe, expect, it } from 'vitest';
import { procCpuSeconds } from './proc-cpu.js';
import { procMemory } from './proc-memory.js';

describe('procCpuSeconds and procMemory', () => {
  it('read this process from /proc', () => {
    expect(procCpuSeconds(process.pid)).toBeGreaterThan(0);
    const memory = procMemory(process.pid);
    expect(memory?.rssMiB).toBeGreaterThan(1);
    expect(memory!.peakMiB).toBeGreaterThanOrEqual(memory!.rssMiB);
  });

  it('answers undefined for memory of a process that is gone', () => {
    expect(procMemory(2 ** 22 + 1)).toBeUndefined();
  });
});
