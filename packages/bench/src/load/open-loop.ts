import { Agent, request as httpRequest } from 'node:http';
import type { BenchRequest } from './bench-request.js';

/** What one open-loop run saw. Latencies count from when a request was due, not when it left. */
export interface OpenLoopResult {
  readonly offeredPerSecond: number;
  readonly sent: number;
  /** Answers by status code, plus `error` (socket errors) and `unanswered` (still open at the end). */
  readonly statuses: Readonly<Record<string, number>>;
  /** Latencies of every answer, sorted, in milliseconds. */
  readonly latenciesMs: readonly number[];
  /** Latencies of the 2xx answers, sorted, in milliseconds. */
  readonly okLatenciesMs: readonly number[];
  /** Latencies of the 503 answers, sorted, in milliseconds. */
  readonly unavailableLatenciesMs: readonly number[];
  /** 503 answers by `error_description` (which limit refused them). */
  readonly unavailableBy: Readonly<Record<string, number>>;
  /** 503 answers without a `Retry-After` header. */
  readonly unavailableWithoutRetryAfter: number;
}

/** Options of {@link openLoop}. */
export interface OpenLoopOptions {
  readonly perSecond: number;
  readonly seconds: number;
  /** Keep-alive sockets at most; high enough that the client is never the queue. */
  readonly maxSockets?: number;
  /** Give up on answers this long after the last request was due. */
  readonly drainSeconds?: number;
}

/**
 * Open-loop load at a fixed offered rate (request i is due at start + i/rate, whatever happened to
 * the earlier ones), sending `pick(i)`: e.g. logins of many users in turn. Unlike `fixedRate`, it
 * keeps the answers apart by status and reads why each 503 was refused.
 *
 * @example const r = await openLoop((i) => logins[i % logins.length]!, { perSecond: 100, seconds: 5 });
 */
export async function openLoop(pick: (i: number) => BenchRequest, options: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 1024 });
  const total = Math.round(options.perSecond * options.seconds);
  const intervalMs = 1000 / options.perSecond;
  const statuses: Record<string, number> = {};
  const latenciesMs: number[] = [];
  const okLatenciesMs: number[] = [];
  const unavailableLatenciesMs: number[] = [];
  const unavailableBy: Record<string, number> = {};
  let unavailableWithoutRetryAfter = 0;
  let sent = 0;
  let settled = 0;
  const count = (key: string) => (statuses[key] = (statuses[key] ?? 0) + 1);
  const start = performance.now();

  const fire = (request: BenchRequest, dueAt: number) =>
    new Promise<void>((resolve) => {
      const url = new URL(request.url);
      const req = httpRequest(
        { agent, host: url.hostname, port: url.port, path: url.pathname, method: request.method, headers: request.headers },
        (res) => {
          const status = res.statusCode ?? 0;
          let body = '';
          if (status === 503) res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          else res.resume();
          res.on('end', () => {
            const latency = performance.now() - dueAt;
            count(String(status));
            latenciesMs.push(latency);
            if (status >= 200 && status < 300) okLatenciesMs.push(latency);
            if (status === 503) {
              unavailableLatenciesMs.push(latency);
              if (res.headers['retry-after'] === undefined) unavailableWithoutRetryAfter += 1;
              const why = describe(body);
              unavailableBy[why] = (unavailableBy[why] ?? 0) + 1;
            }
            resolve();
          });
        },
      );
      req.on('error', () => {
        count('error');
        resolve();
      });
      req.end(request.body);
    }).finally(() => {
      settled += 1;
    });

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) {
        void fire(pick(sent), start + sent * intervalMs);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, Math.max(0, Math.min(1, start + sent * intervalMs - now)));
      else resolve();
    };
    tick();
  });
  const drainUntil = performance.now() + (options.drainSeconds ?? 15) * 1000;
  while (settled < sent && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 5));
  if (sent > settled) statuses.unanswered = sent - settled;
  agent.destroy();
  latenciesMs.sort((a, b) => a - b);
  okLatenciesMs.sort((a, b) => a - b);
  unavailableLatenciesMs.sort((a, b) => a - b);
  return { offeredPerSecond: options.perSecond, sent, statuses, latenciesMs, okLatenciesMs, unavailableLatenciesMs, unavailableBy, unavailableWithoutRetryAfter };
}

function describe(body: string): string {
  try {
    const json = JSON.parse(body) as { error_description?: unknown };
    return typeof json.error_description === 'string' ? json.error_description : 'no error_description';
  } catch {
    return 'not JSON';
  }
}
