import { Worker } from 'node:worker_threads';
import type { BenchRequest } from './bench-request.js';
import type { PollResult } from './poll-during.js';

const POLL_WORKER = new URL('./poll-worker.js', import.meta.url);

/**
 * {@link pollDuring} in a worker thread (`poll-worker.js`, built beside this file): the bench
 * process's own event loop is busy driving the flood, and must not delay the poller's requests or
 * its clock readings.
 *
 * @example const jwks = await pollInWorker(jwksRequest, 100, flood);
 */
export function pollInWorker(request: BenchRequest, intervalMs: number, until: Promise<unknown>, timeoutMs = 10_000): Promise<PollResult> {
  const worker = new Worker(POLL_WORKER, { workerData: { request, intervalMs, timeoutMs } });
  void until.finally(() => worker.postMessage('stop'));
  return new Promise((resolve, reject) => {
    worker.once('message', (result: PollResult) => resolve(result));
    worker.once('error', reject);
  });
}
