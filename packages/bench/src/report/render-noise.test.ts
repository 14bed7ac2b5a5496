import { describe, expect, it } from 'vitest';
import { renderNoise } from './render-noise.js';

describe('renderNoise', () => {
  it('states the whole run and each section as percentages, unknown where /proc/stat was not read', () => {
    const text = renderNoise([
      { section: 'throughput', seconds: 300, steal: 0.042 },
      { section: 'overload', seconds: 200, steal: undefined },
      { section: 'whole run', seconds: 1400, steal: 0.1 },
    ]).join('\n');
    expect(text).toContain('during this run: 10.0 %; by section: throughput 4.2 %, overload unknown.');
  });

  it('says nothing when no section ran', () => {
    expect(renderNoise([])).toEqual([]);
  });
});
