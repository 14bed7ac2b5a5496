import { describe, expect, it } from 'vitest';
import { mean, pairedRatios } from './paired-ratios.js';

describe('pairedRatios', () => {
  it('gives the median round and the range, whatever the order of the rounds', () => {
    expect(pairedRatios([1.1, 0.9, 1.0])).toEqual({ median: 1.0, range: [0.9, 1.1] });
    expect(pairedRatios([0.8, 1.0, 0.9, 1.2])).toEqual({ median: 0.95, range: [0.8, 1.2] });
  });

  it('leaves out rounds without a ratio, and has none without rounds', () => {
    expect(pairedRatios([Number.NaN, 0.9, Infinity, 0.7])).toEqual({ median: 0.8, range: [0.7, 0.9] });
    expect(pairedRatios([])).toEqual({ median: NaN, range: [NaN, NaN] });
  });

  it('means', () => {
    expect(mean([1, 2, 6])).toBe(3);
  });
});
