import { Agent, request as httpRequest } from 'node:http';
import type { BenchRequest } from '../load/bench-request.js';

/** What one bounded closed-loop run measured. */
export interface LoopResult {
  /** Latency of every 2xx answer, in milliseconds. */
  readonly latenciesMs: number[];
  readonly ok: number;
  readonly okPerSecond: number;
  readonly statuses: Record<string, number>;
}

function send(agent: Agent, request: BenchRequest): Promise<{ status: number; ms: number; body: string }> {
  const url = new URL(request.url);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = httpRequest(
      { agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method: request.method, headers: request.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer from ${request.url} within 30 s`)));
    req.on('error', reject);
    req.end(request.body);
  });
}

/**
 * Sends `request` once and answers its status and body (to collect a token, or to fail loudly).
 *
 * @example const { status, body } = await sendOnce(login);
 */
export async function sendOnce(request: BenchRequest): Promise<{ status: number; body: string }> {
  const agent = new Agent({ keepAlive: false });
  try {
    return await send(agent, request);
  } finally {
    agent.destroy();
  }
}

/**
 * Closed loop over keep-alive connections: `connections` senders, each sending the next request of
 * `requests` (taken round-robin across senders, so many different users are asked for) as soon as
 * its previous one is answered, for `seconds`. Bounded in time; a request under way at the end is
 * waited for but not counted.
 *
 * @example const r = await rotatingLoop(logins, { connections: 4, seconds: 2 });
 */
export async function rotatingLoop(requests: readonly BenchRequest[], options: { connections: number; seconds: number }): Promise<LoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const endAt = started + options.seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (performance.now() < endAt) {
          const request = requests[next++ % requests.length]!;
          const { status, ms } = await send(agent, request);
          if (performance.now() > endAt) break;
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 200 && status < 300) latenciesMs.push(ms);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  const seconds = options.seconds;
  return { latenciesMs, ok: latenciesMs.length, okPerSecond: latenciesMs.length / seconds, statuses };
}
