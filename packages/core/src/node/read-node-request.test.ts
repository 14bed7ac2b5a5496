import { describe, expect, it } from 'vitest';
import { fromNodeRequest } from './read-node-request.js';
import type { NodeRequestLike } from './node-types.js';

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

  it('reads a POST body as text', async () => {
    const read = await fromNodeRequest(request({ method: 'POST', url: '/tokeninfo', headers: { 'content-type': 'application/json' } }, '{"id_token":"é"}'));
    expect(read.rawBody).toBe('{"id_token":"é"}');
  });
});
