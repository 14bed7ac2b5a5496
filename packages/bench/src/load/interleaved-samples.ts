import { Agent, request as httpRequest } from 'node:http';
import type { BenchRequest } from './bench-request.js';

/** Latencies of one class of request, in milliseconds, in the order they were taken. */
export interface ClassSamples {
  readonly name: string;
  readonly latenciesMs: number[];
  /** CPU the server used per sample (all threads), in milliseconds, when a CPU reader was given. */
  readonly cpuMs: number[];
  /** Answers by status code. */
  readonly statuses: Record<string, number>;
}

/** Options of {@link interleavedSamples}. */
export interface InterleavedOptions {
  /** Measured samples per class. */
  readonly samples: number;
  /** Unmeasured rounds first (JIT, first hashes, socket set-up). */
  readonly warmupRounds?: number;
  /** CPU seconds the server has used so far (e.g. from `/proc/<pid>/stat`), read around every sample. */
  readonly cpuSeconds?: () => number;
}

function send(agent: Agent, request: BenchRequest): Promise<{ status: number; ms: number }> {
  const url = new URL(request.url);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = httpRequest(
      { agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method: request.method, headers: request.headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer from ${request.url} within 30 s`)));
    req.on('error', reject);
    req.end(request.body);
  });
}

/**
 * Sends one request of each class at a time, one after the other over one keep-alive socket,
 * round-robin, rotating which class goes first each round: every class sees the same machine, the
 * same warm caches and the same drift, so their latencies can be compared with each other. Nothing
 * else is in flight, so a sample is the cost of one request, not a queue.
 *
 * @example
 * const [unknown, wrong] = await interleavedSamples({ unknown: a, wrong: b }, { samples: 200 });
 */
export async function interleavedSamples(
  classes: Readonly<Record<string, BenchRequest>>,
  options: InterleavedOptions,
): Promise<ClassSamples[]> {
  const names = Object.keys(classes);
  const out = names.map((name): ClassSamples => ({ name, latenciesMs: [], cpuMs: [], statuses: {} }));
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const warmup = options.warmupRounds ?? 5;
    for (let round = 0; round < warmup + options.samples; round += 1) {
      for (let k = 0; k < names.length; k += 1) {
        const i = (round + k) % names.length;
        const cpuBefore = options.cpuSeconds?.();
        const { status, ms } = await send(agent, classes[names[i]!]!);
        const cpuAfter = options.cpuSeconds?.();
        if (round < warmup) continue;
        const samples = out[i]!;
        samples.latenciesMs.push(ms);
        if (cpuBefore !== undefined && cpuAfter !== undefined) samples.cpuMs.push((cpuAfter - cpuBefore) * 1000);
        samples.statuses[status] = (samples.statuses[status] ?? 0) + 1;
      }
    }
  } finally {
    agent.destroy();
  }
  return out;
}

/**
 * The p-th percentile (nearest rank) of unsorted values.
 *
 * @example percentileOf([3, 1, 2], 50); // 2
 */
export function percentileOf(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
