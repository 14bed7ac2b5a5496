import { describe, expect, it } from 'vitest';
import { hostErrorResponse } from './host-error-response.js';

const answer = (error: unknown) => {
  const res = hostErrorResponse(error);
  return { status: res.status, body: JSON.parse(res.body) as unknown, connection: res.headers.connection };
};

describe('hostErrorResponse', () => {
  it("maps body-parser's error types", () => {
    expect(answer({ type: 'entity.too.large', status: 413 })).toEqual({ status: 413, body: { error: 'invalid_request', error_description: 'request body too large' }, connection: 'close' });
    expect(answer({ type: 'charset.unsupported', status: 415 })).toMatchObject({ status: 415 });
    expect(answer({ type: 'entity.parse.failed', status: 400 })).toMatchObject({ status: 400, body: { error_description: 'the request body could not be parsed' } });
  });

  it("maps Fastify's router codes before their URIError class, and a bare URIError as an undecodable path", () => {
    const tooLong = Object.assign(new URIError('x'), { code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 });
    expect(answer(tooLong)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(answer(Object.assign(new Error('x'), { code: 'FST_ERR_BAD_URL', statusCode: 400 }))).toMatchObject({ status: 400, body: { error_description: 'the path could not be decoded' } });
    expect(answer(new URIError('URI malformed'))).toMatchObject({ status: 400, body: { error_description: 'the path could not be decoded' } });
  });

  it('falls back on the status, and answers anything else as a 500 without its message', () => {
    expect(answer({ statusCode: 413 })).toMatchObject({ status: 413, connection: 'close' });
    expect(answer({ statusCode: 415 })).toMatchObject({ status: 415 });
    expect(answer(new Error('secret detail'))).toEqual({ status: 500, body: { error: 'server_error', error_description: expect.any(String) }, connection: undefined });
    expect(JSON.stringify(answer(new Error('secret detail')))).not.toContain('secret');
    for (const odd of [undefined, null, 'text', 42, { type: 'constructor' }, { code: '__proto__' }]) expect(answer(odd).status).toBeGreaterThanOrEqual(400);
  });
});
