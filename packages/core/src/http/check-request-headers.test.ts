import { describe, expect, it } from 'vitest';
import { checkRequestHeaders, MAX_HEADER_VALUE_LENGTH } from './check-request-headers.js';

describe('checkRequestHeaders', () => {
  it('accepts headers up to the limit, and any header core does not read', () => {
    const token = 'a'.repeat(MAX_HEADER_VALUE_LENGTH - 'Bearer '.length);
    expect(checkRequestHeaders({ headers: { authorization: `Bearer ${token}`, cookie: 'c'.repeat(100_000) } })).toBeUndefined();
    expect(checkRequestHeaders({ headers: {} })).toBeUndefined();
  });

  it.each(['authorization', 'content-type'])('refuses a %s header one character over the limit with 431', (name) => {
    const error = checkRequestHeaders({ headers: { [name]: 'x'.repeat(MAX_HEADER_VALUE_LENGTH + 1) } });
    expect(error).toMatchObject({ code: 'header_too_large', description: `${name} header too large` });
  });
});
