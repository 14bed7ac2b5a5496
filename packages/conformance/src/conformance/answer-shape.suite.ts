import { ROUTE_PATHS } from '@oauth-ro/core';
import { describe, expect, it } from 'vitest';
import type { AdapterHarness, TestResponse } from '../harness/types.js';
import { useMountedApp } from './use-mounted-app.js';

/** The contract's error body: exactly `error` and `error_description`, both strings. */
function expectContractError(res: TestResponse, status: number, error: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(Object.keys(res.json ?? {}).sort()).toEqual(['error', 'error_description']);
  expect(res.json).toMatchObject({ error, error_description: expect.any(String) });
}

/** Every path oauth-ro answers, with its `:id` segments filled in. */
const CONCRETE_PATHS = ROUTE_PATHS.map((route) => route.replace(/:\w+/g, 'x'));

/**
 * Every answer oauth-ro gives outside a route's own responses uses the contract's
 * `{"error","error_description"}` shape: a method a route does not have (405), a path it does not
 * serve (404) when oauth-ro is the whole app. Embedded in a host app, it passes unknown paths on,
 * so the host's own routes and 404 answer them.
 */
export function answerShapeSuite(harness: AdapterHarness): void {
  describe('the shape of every answer', () => {
    const ctx = useMountedApp(harness);

    it('answers a method no route has with 405 in the contract shape, on every path', async () => {
      for (const path of CONCRETE_PATHS) {
        expectContractError(await ctx.current.app.dispatch({ method: 'PUT', path, json: {} }), 405, 'invalid_request');
      }
    });

    it('answers an unknown path itself in the contract shape, or leaves it to the host app', async () => {
      for (const path of ['/no-such-route', '/oauth', '/oauth/ro/extra', '/api/v2/users/a/b', '/api/v2/device-credentials/a/b']) {
        for (const method of ['GET', 'POST']) {
          const res = await ctx.current.app.dispatch({ method, path, ...(method === 'POST' ? { json: {} } : {}) });
          if (harness.unknownPaths === 'oauth-ro') {
            expectContractError(res, 404, 'not_found');
          } else {
            // The host's own 404 (Express's HTML page, Fastify's and Hono's defaults), never oauth-ro's.
            expect(res.status, `${method} ${path}`).toBe(404);
            expect(res.json?.error_description ?? '', `${method} ${path}`).not.toMatch(/^no route for/);
          }
        }
      }
    });
  });
}
