import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * One unit of password-hashing work, run synchronously on a hashing thread. Arguments are plain
 * strings and numbers (copied to the thread).
 */
export type HashJob =
  | { readonly op: 'argon2-hash'; readonly password: string; readonly options: Readonly<Record<string, number>> }
  | { readonly op: 'argon2-verify'; readonly phc: string; readonly password: string }
  | { readonly op: 'bcrypt-hash'; readonly password: string; readonly cost: number }
  | { readonly op: 'bcrypt-verify'; readonly phc: string; readonly password: string }
  /** Both checks back to back in one job (the uniform verify while a connection holds bcrypt hashes). */
  | { readonly op: 'both-verify'; readonly argon2Phc: string; readonly bcryptPhc: string; readonly password: string };

/** What {@link hashThreads} returns. */
export interface HashThreads {
  /** Threads it runs at most (one job each at a time). */
  readonly size: number;
  /** Jobs each thread holds at most: the one it runs and those handed to it to run next. */
  readonly depth: number;
  run(job: HashJob): Promise<unknown>;
}

/**
 * How much lower than the event loop the hashing threads run (Linux `nice`, applied per thread):
 * a login flood then takes every idle cycle, but the event loop (and the crypto of JWKS,
 * `/userinfo`, token signing, on libuv's pool) is scheduled first whenever it has work.
 */
export const HASH_THREAD_NICENESS = 10;

/**
 * Jobs handed to each hashing thread at most: the one it runs and the next, so that it starts the
 * next the moment it finishes one, instead of idling until the event loop reads its answer and
 * sends it another (under load the event loop is busy with other requests, and the core idled:
 * 2.5 % of the machine during a login run on 2 cores, 0.7 % with a job handed ahead, and
 * 0.87 → 0.93 of raw argon2's throughput in paired runs).
 */
export const HASH_JOBS_PER_THREAD = 2;

/** The thread's program: next to this module in dist/, or in src/ when run from source (tests). */
function threadEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = [join(here, 'hash-thread.cjs'), join(here, '..', 'dist', 'hash-thread.cjs')].find((path) => existsSync(path));
  if (!found) throw new Error(`@oauth-ro/argon2: hash-thread.cjs not found next to ${here}`);
  return found;
}

/** A job waiting for, or held by, a thread. */
interface Queued {
  readonly job: HashJob;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Thread {
  readonly worker: Worker;
  /** Sent to the thread, oldest first: the first runs, the rest wait in its message queue. */
  readonly jobs: Queued[];
}

let shared: HashThreads | undefined;

/**
 * The process's password-hashing threads, shared by every hasher in it: one per core
 * (`availableParallelism()`), started on first use, each running one job at a time, at lower
 * priority than the event loop ({@link HASH_THREAD_NICENESS}). They are not libuv's pool, so
 * WebCrypto's signatures and digests (which run there) never wait behind a 20 ms hash; and no
 * more hashes run at once than there are cores, so none is paused for another. Each thread is
 * handed its next job while it runs one ({@link HASH_JOBS_PER_THREAD}). On Linux they are named
 * `oauth-ro-hash` (as `top -H` shows them).
 *
 * A thread holds the process open only while it has a job. One that dies fails the jobs it holds
 * and is replaced on the next.
 *
 * @example const { size } = hashThreads(); // 2 on a 2-core machine
 */
export function hashThreads(): HashThreads {
  shared ??= createHashThreads(Math.max(1, availableParallelism()), HASH_THREAD_NICENESS, HASH_JOBS_PER_THREAD);
  return shared;
}

/**
 * A pool of `size` hashing threads, each handed at most `depth` jobs at a time (the one it runs
 * and those it runs next, in order); {@link hashThreads} is the one to use. A job goes to the
 * thread holding the fewest.
 *
 * @example const threads = createHashThreads(2, 0, 2);
 */
export function createHashThreads(size: number, niceness: number, depth = 1): HashThreads {
  const entry = threadEntry();
  // No inherited flags (--input-type, loaders, --cpu-prof): the thread only hashes.
  const options = { workerData: { niceness }, execArgv: [] };
  const threads: Thread[] = [];
  const waiting: Queued[] = [];

  const start = (): Thread => {
    const thread: Thread = { worker: new Worker(entry, options), jobs: [] };
    thread.worker.unref();
    const settle = (job: Queued | undefined, outcome: { ok: true; value: unknown } | { ok: false; error: Error }) => {
      if (!job) return;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    };
    thread.worker.on('message', (answer: { ok: boolean; value?: unknown; message?: string }) => {
      const job = thread.jobs.shift();
      if (thread.jobs.length === 0) thread.worker.unref();
      settle(job, answer.ok ? { ok: true, value: answer.value } : { ok: false, error: new Error(`password hashing failed: ${answer.message}`) });
      next();
    });
    const lost = (reason: string) => {
      const at = threads.indexOf(thread);
      if (at < 0) return;
      threads.splice(at, 1);
      for (const job of thread.jobs.splice(0)) settle(job, { ok: false, error: new Error(`password hashing thread ${reason}`) });
      next();
    };
    thread.worker.on('error', (error) => lost(`failed: ${error.message}`));
    thread.worker.on('exit', (code) => lost(`exited (${code})`));
    threads.push(thread);
    return thread;
  };

  /** The thread holding the fewest jobs, below `depth`; a new one while there are fewer than `size` and none is idle. */
  const pick = (): Thread | undefined => {
    let best: Thread | undefined;
    for (const t of threads) if (t.jobs.length < depth && (!best || t.jobs.length < best.jobs.length)) best = t;
    if ((!best || best.jobs.length > 0) && threads.length < size) return start();
    return best;
  };

  const next = () => {
    while (waiting.length > 0) {
      const thread = pick();
      if (!thread) return;
      const queued = waiting.shift()!;
      if (thread.jobs.length === 0) thread.worker.ref();
      thread.jobs.push(queued);
      thread.worker.postMessage(queued.job);
    }
  };

  return {
    size,
    depth,
    run: (job) =>
      new Promise((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        next();
      }),
  };
}
