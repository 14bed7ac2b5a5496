import { describe, expect, it } from 'vitest';
import type { HandlerContext } from './context.js';
import { handleReady, READINESS_TIMEOUT_MS } from './handle-health-probes.js';

const withChecks = (readiness: Record<string, () => Promise<void>>) => ({ deps: { readiness } }) as unknown as HandlerContext;

describe('handleReady', () => {
  it('answers within the timeout when a check hangs, naming the one that did not answer', async () => {
    const started = Date.now();
    const res = await handleReady(withChecks({ database: () => new Promise<void>(() => {}), redis: async () => {} }));
    expect(Date.now() - started).toBeLessThan(READINESS_TIMEOUT_MS + 1000);
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toEqual({
      status: 'unavailable',
      checks: { database: { status: 'unavailable', reason: `no answer within ${READINESS_TIMEOUT_MS} ms` }, redis: { status: 'ok' } },
    });
  });

  it('treats a check that throws synchronously as failed, not as a crash', async () => {
    const res = await handleReady(withChecks({ server: () => { throw new Error('shutting down'); } }));
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body).checks.server).toEqual({ status: 'unavailable', reason: 'shutting down' });
  });

  it('is ready with no checks at all', async () => {
    const res = await handleReady({ deps: {} } as unknown as HandlerContext);
    expect([res.status, JSON.parse(res.body)]).toEqual([200, { status: 'ok', checks: {} }]);
  });
});
