import { describe, expect, it } from 'vitest';
import { fromNodeRequest } from './read-node-request.js';
import type { NodeRequestLike } from './node-types.js';
import { MAX_BODY_BYTES } from '../http/types.js';

const request = (fields: Partial<NodeRequestLike>, body = ''): NodeRequestLike => ({
  method: 'GET',
  url: '/',
  headers: {},
  ...fields,
  async *[Symbol.asyncIterator]() {
    if (body) yield new TextEncoder().encode(body);
  },
});

describe('fromNodeRequest', () => {
  it('joins repeated header values, and takes string-only headers as they are', async () => {
    const joined = await fromNodeRequest(request({ headers: { 'set-cookie': ['a=1', 'b=2'], accept: '*/*' } }));
    expect(joined.headers).toEqual({ 'set-cookie': 'a=1, b=2', accept: '*/*' });
    const plain = { authorization: 'Bearer x', accept: '*/*' };
    expect((await fromNodeRequest(request({ headers: plain }))).headers).toEqual(plain);
  });

  it('strips the prefix, or takes the path it is given, and splits off the query', async () => {
    expect(await fromNodeRequest(request({ url: '/auth/userinfo?x=1' }), { prefix: '/auth', ip: '10.0.0.1' })).toEqual({
      method: 'GET', path: '/userinfo', headers: {}, ip: '10.0.0.1', query: 'x=1', rawBody: '',
    });
    expect((await fromNodeRequest(request({ url: '/mounted/deep/userinfo' }), { path: '/userinfo' })).path).toBe('/userinfo');
  });

  it('builds every request with the same fields in the same order, whatever its body', async () => {
    const get = await fromNodeRequest(request({ url: '/userinfo' }));
    const withQuery = await fromNodeRequest(request({ url: '/userinfo?x=1' }));
    const post = await fromNodeRequest(request({ method: 'POST', url: '/oauth/ro' }, '{}'));
    const parsed = await fromNodeRequest({ ...request({ method: 'POST', url: '/oauth/ro' }), readableEnded: true, body: { a: 1 } });
    const tooLarge = await fromNodeRequest(request({ method: 'POST', url: '/oauth/ro', headers: { 'content-length': String(MAX_BODY_BYTES + 1) } }));
    const fields = ['method', 'path', 'headers', 'ip', 'query', 'rawBody', 'parsedBody', 'bodyTooLarge'];
    for (const read of [get, withQuery, post, parsed, tooLarge]) expect(Object.keys(read)).toEqual(fields);
    expect([get.rawBody, post.rawBody, parsed.parsedBody, tooLarge.bodyTooLarge, withQuery.query]).toEqual(['', '{}', { a: 1 }, true, 'x=1']);
  });

  it('reads a POST body as text', async () => {
    const read = await fromNodeRequest(request({ method: 'POST', url: '/tokeninfo', headers: { 'content-type': 'application/json' } }, '{"id_token":"é"}'));
    expect(read.rawBody).toBe('{"id_token":"é"}');
  });
});

/** A Node stream by shape: the bridge reads it by its events. */
function evented(fields: Partial<NodeRequestLike>) {
  const listeners = new Map<string, Set<(...args: never[]) => void>>();
  let paused = false;
  const req = {
    ...request(fields),
    on(event: string, listener: (...args: never[]) => void) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return req;
    },
    removeListener(event: string, listener: (...args: never[]) => void) {
      listeners.get(event)?.delete(listener);
      return req;
    },
    pause() {
      paused = true;
      return req;
    },
    [Symbol.asyncIterator]() {
      throw new Error('an evented request is not iterated');
    },
  };
  const emit = (event: string, ...args: unknown[]) => {
    for (const listener of [...(listeners.get(event) ?? [])]) (listener as (...a: unknown[]) => void)(...args);
  };
  return { req, emit, paused: () => paused, listening: () => [...listeners.values()].reduce((n, s) => n + s.size, 0) };
}

describe('fromNodeRequest on a Node stream (by its events)', () => {
  const post = { method: 'POST', url: '/oauth/ro', headers: { 'content-type': 'application/json' } };

  it('joins the chunks, text or bytes, and leaves no listener behind', async () => {
    const { req, emit, listening } = evented(post);
    const read = fromNodeRequest(req);
    emit('data', new TextEncoder().encode('{"a":'));
    emit('data', '"é"}');
    emit('end');
    expect((await read).rawBody).toBe('{"a":"é"}');
    expect(listening()).toBe(0);
  });

  it('stops at the limit: pauses the stream unread and flags the body too large', async () => {
    const { req, emit, paused, listening } = evented(post);
    const read = fromNodeRequest(req);
    emit('data', new Uint8Array(MAX_BODY_BYTES));
    expect(paused()).toBe(false);
    emit('data', new Uint8Array(1));
    const result = await read;
    expect(result.bodyTooLarge).toBe(true);
    expect(result.rawBody).toBeUndefined();
    expect(paused()).toBe(true);
    expect(listening()).toBe(0);
  });

  it('refuses a request closed before its body ended as a 4xx error, and one that failed with its error', async () => {
    const closed = evented(post);
    const early = fromNodeRequest(closed.req);
    closed.emit('data', 'x');
    closed.emit('close');
    await expect(early).rejects.toMatchObject({ status: 400 });
    const failed = evented(post);
    const broken = fromNodeRequest(failed.req);
    failed.emit('error', new Error('socket hang up'));
    await expect(broken).rejects.toThrow('socket hang up');
  });

  it('iterates a stream someone paused (a data listener would not make it flow)', async () => {
    const { req } = evented({ ...post, readableFlowing: false });
    const iterated = { ...req, async *[Symbol.asyncIterator]() {
      yield '{"a":1}';
    } };
    expect((await fromNodeRequest(iterated)).rawBody).toBe('{"a":1}');
  });

  it('reads an already ended stream as an empty body instead of waiting for an end that has passed', async () => {
    const { req } = evented({ ...post, readableEnded: true });
    expect((await fromNodeRequest(req)).rawBody).toBe('');
  });
});
