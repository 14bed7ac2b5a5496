import { describe, expect, it } from 'vitest';
import { progressLine } from './progress-line.js';

describe('progressLine', () => {
  const counts = { imported: 9000, withoutPassword: 0, skipped: 1000, refused: 0 };
  it('gives the total, the share and the rate when the file was counted first', () => {
    expect(progressLine(counts, 10_000, 250_000, 4)).toBe('… 10000 of 250000 read (4%), 2500 records/s: 9000 imported, 1000 skipped, 0 refused');
  });
  it('gives the rate without a total for standard input', () => {
    expect(progressLine(counts, 10_000, undefined, 2)).toBe('… 10000 read, 5000 records/s: 9000 imported, 1000 skipped, 0 refused');
  });
});
