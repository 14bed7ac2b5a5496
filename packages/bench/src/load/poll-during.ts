import { Agent, request as httpRequest } from 'node:http';
import type { BenchRequest } from './bench-request.js';

/** What a poller saw while something else ran. */
export interface PollResult {
  readonly sent: number;
  /** 2xx answers. */
  readonly ok: number;
  readonly statuses: Readonly<Record<string, number>>;
  /** 503 answers without a `Retry-After` header. */
  readonly unavailableWithoutRetryAfter: number;
  /** Latencies of every answer (failures and timeouts excluded), in milliseconds. */
  readonly latenciesMs: readonly number[];
}

/**
 * Sends `request` every `intervalMs` on its own connection pool until `until` settles, waiting for
 * the last answers (at most `timeoutMs` each). Used to watch another endpoint during a flood.
 *
 * @example const jwks = await pollDuring(jwksRequest, 100, flood);
 */
export async function pollDuring(request: BenchRequest, intervalMs: number, until: Promise<unknown>, timeoutMs = 10_000): Promise<PollResult> {
  const url = new URL(request.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const statuses: Record<string, number> = {};
  const latenciesMs: number[] = [];
  let sent = 0;
  let ok = 0;
  let unavailableWithoutRetryAfter = 0;
  const pending: Promise<void>[] = [];
  const fire = () =>
    new Promise<void>((resolve) => {
      sent += 1;
      const started = performance.now();
      const req = httpRequest(
        { agent, host: url.hostname, port: url.port, path: url.pathname, method: request.method, headers: request.headers },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status >= 200 && status < 300) ok += 1;
            if (status === 503 && res.headers['retry-after'] === undefined) unavailableWithoutRetryAfter += 1;
            latenciesMs.push(performance.now() - started);
            resolve();
          });
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy());
      req.on('error', () => {
        statuses.error = (statuses.error ?? 0) + 1;
        resolve();
      });
      req.end(request.body);
    });
  let done = false;
  void until.finally(() => {
    done = true;
  });
  while (!done) {
    pending.push(fire());
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  await Promise.all(pending);
  agent.destroy();
  return { sent, ok, statuses, unavailableWithoutRetryAfter, latenciesMs };
}
