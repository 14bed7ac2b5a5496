import { describe, expect, it } from 'vitest';
import { checkIdentifier } from './check-identifier.js';
import { findUnstorableText, isStorableText } from './check-text.js';

describe('isStorableText / findUnstorableText', () => {
  it('refuses NUL, other C0 controls, DEL and lone surrogates; keeps tab, CR, LF and paired surrogates', () => {
    for (const bad of ['a\u0000', '\u0001', 'x\u007f', 'a\uD800', '\uDC00b', 'a\uDC00\uD800b']) expect(isStorableText(bad)).toBe(false);
    for (const good of ['a\tb\r\n', '\uD83D\uDE00', 'Zoë', '']) expect(isStorableText(good)).toBe(true);
  });

  it('finds an unstorable string at any depth, in keys or values, naming the top-level parameter', () => {
    expect(findUnstorableText({ a: 'ok', user_metadata: { nested: ['x', { deep: 'y\u0000' }] } })).toBe('user_metadata');
    expect(findUnstorableText({ user_metadata: { 'k\uD800': 'v' } })).toBe('user_metadata');
    expect(findUnstorableText({ ['pass\u0000word']: 'v' })).toBe('pass?word');
    expect(findUnstorableText({ a: 'ok', b: { c: [1, null, true, 'd'] } })).toBeUndefined();
  });

  it('walks deep nesting without overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText({ deep })).toBe('deep');
  });
});

describe('checkIdentifier', () => {
  it('refuses invisible and format characters: zero-width, bidi controls, soft hyphen, Hangul filler', () => {
    for (const id of ['al\u200Bice@example.com', '\u202Ealice@example.com', 'al\u00ADice', 'ali\u2066ce', 'a\u3164b', 'a\uFE0Fb', 'a\u0000b', 'a\u2028b']) {
      expect(checkIdentifier('username', id)).toMatchObject({ code: 'invalid_parameter' });
    }
    expect(checkIdentifier('username', 'alice@example.com')).toBeUndefined();
    expect(checkIdentifier('username', 'Zoë.Ærøskøbing')).toBeUndefined();
  });

  it('measures the length after NFKC: 2030 × U+FDFA (18 characters each once normalised) is too long', () => {
    expect('\uFDFA'.normalize('NFKC').length).toBe(18);
    expect(checkIdentifier('username', '\uFDFA'.repeat(2030))).toMatchObject({ code: 'invalid_parameter', description: 'username is too long' });
    expect(checkIdentifier('username', '\uFDFA'.repeat(14))).toBeUndefined();
  });
});
