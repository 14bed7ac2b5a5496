import { describe, expect, it } from 'vitest';
import { normalizePhoneNumber } from './normalize-phone.js';

describe('normalizePhoneNumber', () => {
  it.each([
    ['+15550100000', '+15550100000'],
    [' +1 (555) 010-0000 ', '+15550100000'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+44.7700.900123', '+447700900123'],
    ['+４９ 30 123456', '+4930123456'],
  ])('normalises %j to %s', (input, e164) => {
    expect(normalizePhoneNumber(input)).toBe(e164);
  });

  it.each([
    ['no leading +', '15550100000'],
    ['too short for its country', '+1555'],
    ['too long for its country', '+1555010000000000'],
    ['an unknown country calling code', '+99912345678'],
    ['letters', '+1-800-FLOWERS'],
    ['an extension', '+15550100000 ext. 12'],
    ['an RFC 3966 extension', '+15550100000;ext=1'],
    ['only a plus', '+'],
    ['empty', ''],
    ['over 30 characters', `+1${' '.repeat(40)}5550100000`],
  ])('refuses %s', (_case, input) => {
    expect(normalizePhoneNumber(input)).toBeUndefined();
  });
});
