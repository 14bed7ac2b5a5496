import { openApiDocument } from '@oauth-ro/core/openapi';
import { createResponseChecker, toTestResponse } from '@oauth-ro/test-kit';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerApiReference } from './register-api-reference.js';

const ISSUER = 'https://auth.example.com/';
const doc = openApiDocument({ issuer: ISSUER, standalone: true });
const check = createResponseChecker(doc, []);
const app = Fastify();

beforeAll(async () => {
  registerApiReference(app, ISSUER);
  await app.ready();
});
afterAll(() => app.close());

async function get(path: string) {
  const res = await app.inject({ method: 'GET', url: path });
  const response = toTestResponse(res.statusCode, res.headers as Record<string, string>, res.body);
  expect(check({ method: 'GET', path }, response)).toEqual([]);
  return response;
}

describe('registerApiReference', () => {
  it('serves the standalone document at /openapi.json', async () => {
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(res.json.servers).toEqual([{ url: 'https://auth.example.com' }]);
  });

  it('serves a script-free page at /docs that lists every path and operation', async () => {
    const res = await get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(res.text, path).toContain(`<code>${path}</code>`);
      for (const op of Object.values(item)) expect(res.text, op!.operationId).toContain(`id="op-${op!.operationId}"`);
    }
    expect(res.text).not.toMatch(/<script|<link|src=|https?:\/\/(?!auth\.example\.com)[^"<\s]*"/i);
  });
});
