// Worker-thread entry: polls one request (pollDuring) on an event loop of its own, so that the
// latencies it reports are not the load generator's delays, until the parent posts 'stop'.
import { parentPort, workerData } from 'node:worker_threads';
import type { BenchRequest } from './load/bench-request.js';
import { pollDuring } from './load/poll-during.js';

const { request, intervalMs, timeoutMs } = workerData as { request: BenchRequest; intervalMs: number; timeoutMs: number };
const stopped = new Promise<void>((resolve) => parentPort!.once('message', () => resolve()));
parentPort!.postMessage(await pollDuring(request, intervalMs, stopped, timeoutMs));
