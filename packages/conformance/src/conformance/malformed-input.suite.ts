import { describe, expect, it } from 'vitest';
import type { AdapterHarness, TestRequest } from '../harness/types.js';
import { useMountedApp } from './use-mounted-app.js';

const JSON_TYPE = { 'content-type': 'application/json' };

const CASES: ReadonlyArray<[string, Omit<TestRequest, 'method' | 'path'>, number]> = [
  ['broken JSON', { headers: JSON_TYPE, body: '{"client_id": ' }, 400],
  ['a JSON array', { headers: JSON_TYPE, body: '[1,2,3]' }, 400],
  ['JSON null', { headers: JSON_TYPE, body: 'null' }, 400],
  ['a JSON number', { headers: JSON_TYPE, body: '42' }, 400],
  ['a JSON string', { headers: JSON_TYPE, body: '"hello"' }, 400],
  ['an unknown content type', { headers: { 'content-type': 'application/xml' }, body: '<a/>' }, 415],
  ['text/plain', { headers: { 'content-type': 'text/plain' }, body: 'client_id=x' }, 415],
  ['a 2 MB body', { headers: JSON_TYPE, body: JSON.stringify({ client_id: 'x'.repeat(2 * 1024 * 1024) }) }, 413],
  ['an empty body', { headers: JSON_TYPE, body: '' }, 400],
  ['a repeated form key', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'client_id=a&client_id=b' }, 400],
  ['deep JSON nesting', { headers: JSON_TYPE, body: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}` }, 400],
  ['__proto__ keys', { headers: JSON_TYPE, body: '{"__proto__":{"client_id":"app-rs256"},"constructor":1}' }, 400],
  ['bad percent-encoding', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'client_id=%E0%A4%A' }, 400],
];

/** Malformed input gets a 4xx JSON error from every endpoint, never a 5xx or a stack trace. */
export function malformedInputSuite(harness: AdapterHarness): void {
  describe('malformed input', () => {
    const ctx = useMountedApp(harness);

    for (const path of ['/oauth/ro', '/dbconnections/signup', '/tokeninfo']) {
      it.each(CASES)(`${path}: %s → 4xx JSON error`, async (_name, request, status) => {
        const res = await ctx.current.app.dispatch({ method: 'POST', path, ...request });
        expect(res.status).toBe(status);
        expect(res.json).toEqual({ error: expect.any(String), error_description: expect.any(String) });
        expect(res.text).not.toMatch(/at .*\.(js|ts):\d+/);
      });
    }
  });
}
