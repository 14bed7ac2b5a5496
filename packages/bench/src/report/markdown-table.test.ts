import { describe, expect, it } from 'vitest';
import { fixed, markdownTable, range, verdict } from './markdown-table.js';

describe('markdownTable', () => {
  it('writes a header, a separator and escaped rows', () => {
    expect(markdownTable(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n|---|---|\n| 1 | x\\|y |');
  });
});

describe('fixed and verdict', () => {
  it('formats numbers and says whether a ratio meets its goal', () => {
    expect(fixed(1234.5)).toBe('1,235');
    expect(fixed(Number.NaN)).toBe('n/a');
    expect(verdict(0.93, 0.9)).toBe('**0.93** ✅');
    expect(verdict(0.5, 0.8)).toBe('**0.50** ❌');
    expect(range([0.844, 0.97])).toBe('0.84–0.97');
  });
});
