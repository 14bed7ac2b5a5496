import { describe, expect, it } from 'vitest';
import { JWT_BEARER_GRANT, parseScope, validateRoRequest } from './validate-ro-request.js';

const base = { client_id: 'app', connection: 'db', username: 'a@example.com', password: 'pw' };

describe('validateRoRequest', () => {
  it('defaults grant_type to password and splits scope into unique words', () => {
    const r = validateRoRequest({ ...base, scope: ' openid  email openid ' });
    expect(r).toEqual({ ok: true, value: { ...base, grant_type: 'password', scope: ['openid', 'email'] } });
  });

  it('checks client_id, then connection, then the grant parameters', () => {
    expect(validateRoRequest({})).toMatchObject({ ok: false, error: { description: 'missing client_id parameter' } });
    expect(validateRoRequest({ client_id: 'a' })).toMatchObject({ error: { description: 'missing connection parameter' } });
    expect(validateRoRequest({ client_id: 'a', connection: 'c' })).toMatchObject({ error: { description: 'missing username parameter' } });
    expect(validateRoRequest({ client_id: 'a', connection: 'c', grant_type: JWT_BEARER_GRANT, id_token: 't' })).toMatchObject({
      error: { description: 'missing device parameter' },
    });
  });

  it('refuses non-string values and over-long ones, naming the parameter', () => {
    expect(validateRoRequest({ ...base, device: 7 })).toMatchObject({ error: { code: 'invalid_parameter', description: 'device must be a string' } });
    expect(validateRoRequest({ ...base, password: 'x'.repeat(1025) })).toMatchObject({ error: { description: 'password is too long' } });
  });

  it('ignores inherited properties', () => {
    const body = Object.create({ client_id: 'inherited' }) as Record<string, unknown>;
    expect(validateRoRequest(body)).toMatchObject({ error: { description: 'missing client_id parameter' } });
  });

  it('parses an absent scope as no words', () => {
    expect(parseScope(undefined)).toEqual([]);
  });
});
