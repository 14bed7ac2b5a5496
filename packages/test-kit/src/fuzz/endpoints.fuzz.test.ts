import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, useMountedApp } from '@oauth-ro/conformance';
import { CONFORMANCE_HARNESSES } from '../harness/index.js';
import { requestArbitrary } from './request-arbitrary.js';

/** Generated requests per harness (each of CONFORMANCE_HARNESSES). */
const RUNS = 2500;

describe.each(CONFORMANCE_HARNESSES.map((h) => [h.name, h] as const))('fuzzing every endpoint through %s', (_name, harness) => {
  const ctx = useMountedApp(harness);
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it(`answers ${RUNS} generated requests with no 5xx, always JSON errors, never a stack trace`, async () => {
    await ctx.current.signup('fuzz@example.com', GOOD_PASSWORD);
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (request) => {
        const res = await ctx.current.app.dispatch(request);
        expect(res.status, JSON.stringify(request).slice(0, 300)).toBeLessThan(500);
        if (res.status >= 400 && res.status !== 404) {
          expect(res.json).toEqual({ error: expect.any(String), error_description: expect.any(String) });
        }
        expect(res.text).not.toMatch(/\bat [^\s]+ \(|node_modules|\.ts:\d+/);
      }),
      { numRuns: RUNS, seed: 20261128, endOnFailure: true },
    );
    expect(unhandled).toEqual([]);
  }, 120_000);
});
