import { describe, expect, it } from 'vitest';
import { identifierSkeleton } from './identifier-skeleton.js';

describe('identifierSkeleton (UTS #39)', () => {
  it('gives look-alikes one skeleton: Cyrillic and Greek letters, digits, letter pairs', () => {
    const same = (a: string, b: string) => expect(identifierSkeleton(a)).toBe(identifierSkeleton(b));
    same('\u0430lice@example.com', 'alice@example.com'); // Cyrillic а
    same('p\u0430yp\u0430l', 'paypal');
    same('\u03bfscar', 'oscar'); // Greek ο
    same('admin1', 'adminl');
    same('rnary', 'mary');
    same('ex\u0430mple', 'example');
  });

  it('keeps different names apart', () => {
    expect(identifierSkeleton('alice')).not.toBe(identifierSkeleton('alicia'));
    expect(identifierSkeleton('bob@example.com')).not.toBe(identifierSkeleton('rob@example.com'));
  });

  it('holds the real UTS #39 table (confusables.txt 13.0.0, 6311 prototypes)', async () => {
    const table = (await import('unhomoglyph/data.json')).default as Record<string, string>;
    expect(Object.keys(table)).toHaveLength(6311);
    expect(table['\u0430']).toBe('a');
    expect(table['\u2113']).toBe('l'); // ℓ SCRIPT SMALL L
    expect(table.m).toBe('rn');
  });
});
