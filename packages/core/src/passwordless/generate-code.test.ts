import { describe, expect, it } from 'vitest';
import { webCryptoRandom, type Random } from '../ports/random.js';
import { generateCode } from './generate-code.js';

describe('generateCode', () => {
  it('makes codes of exactly the asked number of digits', () => {
    for (const length of [4, 6, 8, 12]) expect(generateCode(webCryptoRandom, length)).toMatch(new RegExp(`^[0-9]{${length}}$`));
  });

  it('draws again for bytes 250-255 instead of folding them onto 0-5', () => {
    const bytes = [255, 250, 7, 251, 19, 42];
    const scripted: Random = { bytes: (n) => new Uint8Array(bytes.splice(0, n)) };
    expect(generateCode(scripted, 3)).toBe('792');
  });

  it('spreads digits evenly (chi-square over 60,000 digits)', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i += 1) for (const d of generateCode(webCryptoRandom, 6)) counts[Number(d)]! += 1;
    const expected = 6000;
    const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 9 degrees of freedom: p = 0.0001 at 33.7.
    expect(chi2).toBeLessThan(33.7);
  });

  it('refuses a length below one', () => {
    expect(() => generateCode(webCryptoRandom, 0)).toThrow(RangeError);
  });
});
