import { describe, expect, it } from 'vitest';
import { parseBody } from './parse-body.js';
import { MAX_BODY_BYTES } from './types.js';

const req = (rawBody: string, type?: string) => ({
  method: 'POST',
  path: '/oauth/ro',
  ip: '',
  rawBody,
  headers: type ? { 'content-type': type } : {},
});

describe('parseBody', () => {
  it('parses JSON objects, with a charset or a +json type', () => {
    expect(parseBody(req('{"a":"b"}', 'application/json; charset=utf-8'))).toEqual({ ok: true, value: { a: 'b' } });
    expect(parseBody(req('{"a":"b"}', 'application/vnd.api+json'))).toMatchObject({ ok: true });
  });

  it('turns a repeated form key into an array (which validation refuses)', () => {
    expect(parseBody(req('a=1&a=2&b=x', 'application/x-www-form-urlencoded'))).toEqual({ ok: true, value: { a: ['1', '2'], b: 'x' } });
  });

  it('refuses JSON that is not an object, and unknown types', () => {
    for (const body of ['[]', 'null', '1', '"s"', '{']) {
      expect(parseBody(req(body, 'application/json'))).toMatchObject({ ok: false, error: { code: 'invalid_body' } });
    }
    expect(parseBody(req('x', 'text/plain'))).toMatchObject({ ok: false, error: { code: 'unsupported_media_type' } });
  });

  it('treats an empty body as no parameters, and flags an oversized one', () => {
    expect(parseBody(req('', undefined))).toEqual({ ok: true, value: {} });
    expect(parseBody({ ...req(''), bodyTooLarge: true })).toMatchObject({ ok: false, error: { code: 'body_too_large' } });
  });

  it('accepts a body the host already parsed only if it is an object', () => {
    expect(parseBody({ ...req(''), rawBody: undefined, parsedBody: { a: 'b' } })).toEqual({ ok: true, value: { a: 'b' } });
    expect(parseBody({ ...req(''), rawBody: undefined, parsedBody: [1] })).toMatchObject({ ok: false });
  });

  it('refuses a host-parsed body whose Content-Length is over the limit, as the adapters do for raw bodies', () => {
    const parsed = (length: number) => ({ ...req(''), rawBody: undefined, parsedBody: { a: 'b' }, headers: { 'content-length': String(length) } });
    expect(parseBody(parsed(MAX_BODY_BYTES))).toMatchObject({ ok: true });
    expect(parseBody(parsed(MAX_BODY_BYTES + 1))).toMatchObject({ ok: false, error: { code: 'body_too_large' } });
  });
});
