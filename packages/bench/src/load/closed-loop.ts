import autocannon from 'autocannon';
import { bodyOf, type BenchRequest } from './bench-request.js';

/** What one closed-loop run measured. */
export interface ClosedLoopResult {
  /** 2xx answers per second: the only throughput that counts. */
  readonly okPerSecond: number;
  readonly ok: number;
  /** Answers by status code. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly timeouts: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly seconds: number;
}

/** Options of {@link closedLoop}. */
export interface ClosedLoopOptions {
  readonly connections: number;
  readonly seconds: number;
  /**
   * Run until this many answers instead of for `seconds` (split evenly over the connections). A timed
   * run loses the requests in flight when it ends, up to one latency per connection: nothing when
   * requests take milliseconds, a fifth of a slow login's count. A counted run ends when every
   * connection has its last answer, so its rate has no such loss.
   */
  readonly requests?: number;
  /** Per-request timeout in seconds (autocannon's default is 10). */
  readonly timeoutSeconds?: number;
}

/**
 * Saturating load with autocannon (keep-alive connections, each sending its next request as soon as
 * the previous one is answered), bounded to `seconds`.
 *
 * @example const r = await closedLoop(request, { connections: 16, seconds: 5 });
 */
export async function closedLoop(request: BenchRequest, options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  let sent = 0;
  const result = await autocannon({
    url: request.url,
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
    // Many users: each request takes the next body in turn, whatever connection sends it.
    ...(request.bodies?.length ? { requests: [{ setupRequest: (req: object) => ({ ...req, body: bodyOf(request, sent++) }) }] } : {}),
    connections: options.connections,
    ...(options.requests === undefined ? { duration: options.seconds } : { amount: options.requests }),
    timeout: options.timeoutSeconds ?? 10,
  });
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats)) statuses[code] = stat.count;
  return {
    okPerSecond: result['2xx'] / result.duration,
    ok: result['2xx'],
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    seconds: result.duration,
  };
}
