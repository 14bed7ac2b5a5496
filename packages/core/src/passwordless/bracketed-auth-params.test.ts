import { describe, expect, it } from 'vitest';
import { bracketedAuthParams } from './bracketed-auth-params.js';

describe('bracketedAuthParams (auth0.js v7 form bodies)', () => {
  it('reads authParams[name] keys into an object, and nothing else', () => {
    expect(bracketedAuthParams({ email: 'a@example.com', 'authParams[state]': 'xyz', 'authParams[redirect_uri]': 'https://app.example.com/cb', other: '1' })).toEqual({
      state: 'xyz',
      redirect_uri: 'https://app.example.com/cb',
    });
  });

  it('is undefined without such keys; deeper or empty brackets are not read; a repeated key stays an array (refused later)', () => {
    expect(bracketedAuthParams({ email: 'a@example.com' })).toBeUndefined();
    expect(bracketedAuthParams({ 'authParams[a][b]': 'x', 'authParams[]': 'y', 'authParams[': 'z' })).toBeUndefined();
    expect(bracketedAuthParams({ 'authParams[state]': ['a', 'b'] })).toEqual({ state: ['a', 'b'] });
  });

  it('keeps __proto__ as a plain key, never as the prototype', () => {
    const read = bracketedAuthParams({ 'authParams[__proto__]': 'x' })!;
    expect(Object.getPrototypeOf(read)).toBeNull();
    expect(read['__proto__']).toBe('x');
  });
});
