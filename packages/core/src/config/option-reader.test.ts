import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/oauth-error.js';
import { optionReader } from './option-reader.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

function problem(read: () => unknown): { path: string; problem: string } {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigurationError) return { path: error.path, problem: error.problem };
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('optionReader', () => {
  it('reads present values, treats absent and null as absent, and ignores inherited keys', () => {
    const read = optionReader({ s: 'x', b: true, n: 5, r: { a: 1 }, z: null }, 'connections[0].options');
    expect([read.string('s'), read.boolean('b', false), read.integer('n', 1, 0, 9), read.record('r')]).toEqual(['x', true, 5, { a: 1 }]);
    expect([read.string('z'), read.string('missing'), read.string('toString'), read.boolean('z', true), read.integer('missing', 7, 0, 9)]).toEqual([undefined, undefined, undefined, true, 7]);
  });

  it('keeps spaces unless told to trim, and then refuses blank strings', () => {
    expect(optionReader({ p: ' secret ' }, 'o').string('p')).toBe(' secret ');
    expect(optionReader({ p: ' name ' }, 'o', { trim: true }).string('p')).toBe('name');
    expect(problem(() => optionReader({ p: '   ' }, 'o', { trim: true }).string('p'))).toEqual({ path: 'o.p', problem: 'must be a non-empty string' });
    expect(problem(() => optionReader({ p: '' }, 'o').string('p'))).toEqual({ path: 'o.p', problem: 'must be a non-empty string' });
  });

  it('names the item of a list that is wrong, and accepts one value as a list of one', () => {
    expect(optionReader({ l: ' a ' }, 'o', { trim: true }).strings('l')).toEqual(['a']);
    expect(problem(() => optionReader({ l: ['a', 3] }, 'o').strings('l'))).toEqual({ path: 'o.l[1]', problem: 'must be a non-empty string' });
    expect(optionReader({ c: [PEM] }, 'o').pems('c')).toEqual([PEM]);
    expect(problem(() => optionReader({ c: [] }, 'o').pems('c')).problem).toMatch(/non-empty array/);
    expect(problem(() => optionReader({ c: [PEM, 'nope'] }, 'o').pems('c')).path).toBe('o.c[1]');
  });

  it('refuses values of the wrong type with the path and the expectation', () => {
    const read = optionReader({ b: 'yes', n: 1.5, big: 99, r: [1] }, 'connections[3].options');
    expect(problem(() => read.boolean('b', false))).toEqual({ path: 'connections[3].options.b', problem: 'must be true or false' });
    expect(problem(() => read.integer('n', 1, 0, 9)).problem).toBe('must be an integer from 0 to 9');
    expect(problem(() => read.integer('big', 1, 0, 9)).path).toBe('connections[3].options.big');
    expect(problem(() => read.record('r')).problem).toBe('must be an object');
  });
});
