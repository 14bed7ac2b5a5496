import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OAuthResponse } from '@oauth-ro/core';
import { writeNodeResponse } from '@oauth-ro/core/node';
import { describe, expect, it } from 'vitest';

/**
 * Core's `writeNodeResponse` on Node's own HTTP server (its test lives here: core's own tests stay free
 * of Node APIs): writes `response` from a loopback server and reads it back as a client sees it.
 */
async function roundTrip(response: OAuthResponse, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }> {
  const server = createServer((_req, res) => writeNodeResponse(res, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path: '/' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const json = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

describe('writeNodeResponse', () => {
  it('writes an ASCII body with its length', async () => {
    const body = JSON.stringify({ sub: 'auth0|1', name: 'Ada' });
    const answer = await roundTrip({ status: 200, headers: json, body });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-length']).toBe(String(body.length));
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.bytes.toString('utf8')).toBe(body);
  });

  it('counts the bytes, not the characters, of a body beyond ASCII', async () => {
    const body = JSON.stringify({ name: 'Zoë Ångström', nickname: '名前', emoji: '🔑' });
    const answer = await roundTrip({ status: 200, headers: json, body });
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(Buffer.byteLength(body)).toBeGreaterThan(body.length);
    expect(answer.bytes.toString('utf8')).toBe(body);
  });

  it('answers HEAD with the length of the body it leaves out', async () => {
    const body = JSON.stringify({ keys: [] });
    const answer = await roundTrip({ status: 200, headers: json, body }, 'HEAD');
    expect(answer.headers['content-length']).toBe(String(body.length));
    expect(answer.bytes.byteLength).toBe(0);
  });

  it('writes an empty 204', async () => {
    const answer = await roundTrip({ status: 204, headers: { 'cache-control': 'no-store' }, body: '' });
    expect(answer.status).toBe(204);
    expect(answer.bytes.byteLength).toBe(0);
  });
});
