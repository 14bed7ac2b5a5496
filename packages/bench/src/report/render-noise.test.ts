import { describe, expect, it } from 'vitest';
import { renderNoise } from './render-noise.js';

describe('renderNoise', () => {
  it('states the whole run and each section as percentages, unknown where /proc/stat was not read', () => {
    const text = renderNoise(
      [
        { section: 'throughput', steal: 0.042 },
        { section: 'overload', steal: undefined },
      ],
      0.1,
    ).join('\n');
    expect(text).toContain('during this run: 10.0 %; by section: throughput 4.2 %, overload unknown.');
  });

  it('says nothing when no section ran', () => {
    expect(renderNoise([], undefined)).toEqual([]);
  });
});
