import { describe, expect, it } from 'vitest';
import { fromFetchRequest, toFetchResponse } from './handle-fetch.js';
import { MAX_BODY_BYTES } from './types.js';

describe('fromFetchRequest', () => {
  it('reads the path, the query, lower-cased headers and the body as text', async () => {
    const read = await fromFetchRequest(
      new Request('https://auth.example.com/oauth/ro?x=1', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"username":"é"}' }),
      { ip: '10.0.0.1' },
    );
    expect(read).toMatchObject({ method: 'POST', path: '/oauth/ro', query: 'x=1', ip: '10.0.0.1', rawBody: '{"username":"é"}' });
    expect(read.headers['content-type']).toBe('application/json');
  });

  it('takes the path it is given, and never reads a GET body', async () => {
    const read = await fromFetchRequest(new Request('http://localhost/mounted/userinfo'), { path: '/userinfo' });
    expect(read).toMatchObject({ method: 'GET', path: '/userinfo', rawBody: '' });
    expect(read.query).toBeUndefined();
  });

  it('refuses a body over the limit without reading it all, whatever Content-Length says', async () => {
    const big = 'a'.repeat(MAX_BODY_BYTES + 1);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const read = await fromFetchRequest(new Request('http://localhost/oauth/ro', { method: 'POST', body: stream, duplex: 'half' } as RequestInit));
    expect(read.bodyTooLarge).toBe(true);
    expect(read.rawBody).toBeUndefined();
  });

  it('builds every request with the same fields in the same order, whatever its body', async () => {
    const get = await fromFetchRequest(new Request('http://localhost/userinfo'));
    const post = await fromFetchRequest(new Request('http://localhost/oauth/ro?x=1', { method: 'POST', body: '{}' }));
    const tooLarge = await fromFetchRequest(
      new Request('http://localhost/oauth/ro', { method: 'POST', body: '{}', headers: { 'content-length': String(MAX_BODY_BYTES + 1) } }),
    );
    const fields = ['method', 'path', 'headers', 'ip', 'query', 'rawBody', 'parsedBody', 'bodyTooLarge'];
    for (const read of [get, post, tooLarge]) expect(Object.keys(read)).toEqual(fields);
  });
});

describe('toFetchResponse', () => {
  it('gives a 204 or an empty answer no body, and copies the headers', async () => {
    const headers = Object.freeze({ 'cache-control': 'no-store' });
    const empty = toFetchResponse({ status: 204, headers, body: '' });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    const json = toFetchResponse({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(await json.json()).toEqual({ a: 1 });
  });
});
