import { describe, expect, it } from 'vitest';
import { decodeIdToken } from './decode-id-token.js';

const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('decodeIdToken', () => {
  it('reads the payload of a JWT, base64url and UTF-8 included', () => {
    const claims = { sub: 'auth0|abc', name: 'Zoë ~?>', iat: 1 };
    expect(decodeIdToken(`${segment({ alg: 'RS256' })}.${segment(claims)}.sig`)).toEqual(claims);
  });

  it('is undefined for anything else', () => {
    for (const text of ['', 'a.b', 'a.b.c.d', `x.${segment([1])}.s`, `x.${segment('text')}.s`, 'x.%%%.s', `x..s`]) {
      expect(decodeIdToken(text), text).toBeUndefined();
    }
  });
});
