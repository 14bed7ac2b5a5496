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
  run(job: HashJob): Promise<unknown>;
}

/**
 * How much lower than the event loop the hashing threads run (Linux `nice`, applied per thread):
 * a login flood then takes every idle cycle, but the event loop (and the crypto of JWKS,
 * `/userinfo`, token signing, on libuv's pool) is scheduled first whenever it has work.
 */
export const HASH_THREAD_NICENESS = 10;

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
  job?: Queued;
}

let shared: HashThreads | undefined;

/**
 * The process's password-hashing threads, shared by every hasher in it: one per core
 * (`availableParallelism()`), started on first use, each running one job at a time, at lower
 * priority than the event loop ({@link HASH_THREAD_NICENESS}). They are not libuv's pool, so
 * WebCrypto's signatures and digests (which run there) never wait behind a 20 ms hash; and no
 * more hashes run at once than there are cores, so none is paused for another. On Linux they are
 * named `oauth-ro-hash` (as `top -H` shows them).
 *
 * A thread holds the process open only while it runs a job. One that dies fails its job and is
 * replaced on the next.
 *
 * @example const { size } = hashThreads(); // 2 on a 2-core machine
 */
export function hashThreads(): HashThreads {
  shared ??= createHashThreads(Math.max(1, availableParallelism()), HASH_THREAD_NICENESS);
  return shared;
}

/**
 * A pool of `size` hashing threads; {@link hashThreads} is the one to use.
 *
 * @example const threads = createHashThreads(2, 0);
 */
export function createHashThreads(size: number, niceness: number): HashThreads {
  const entry = threadEntry();
  // No inherited flags (--input-type, loaders, --cpu-prof): the thread only hashes.
  const options = { workerData: { niceness }, execArgv: [] };
  const threads: Thread[] = [];
  const waiting: Queued[] = [];

  const start = (): Thread => {
    const thread: Thread = { worker: new Worker(entry, options) };
    thread.worker.unref();
    const finish = (outcome: { ok: true; value: unknown } | { ok: false; error: Error }) => {
      const job = thread.job;
      thread.job = undefined;
      thread.worker.unref();
      if (job) {
        if (outcome.ok) job.resolve(outcome.value);
        else job.reject(outcome.error);
      }
      next();
    };
    thread.worker.on('message', (answer: { ok: boolean; value?: unknown; message?: string }) =>
      finish(answer.ok ? { ok: true, value: answer.value } : { ok: false, error: new Error(`password hashing failed: ${answer.message}`) }),
    );
    const lost = (reason: string) => {
      const at = threads.indexOf(thread);
      if (at < 0) return;
      threads.splice(at, 1);
      finish({ ok: false, error: new Error(`password hashing thread ${reason}`) });
    };
    thread.worker.on('error', (error) => lost(`failed: ${error.message}`));
    thread.worker.on('exit', (code) => lost(`exited (${code})`));
    threads.push(thread);
    return thread;
  };

  const next = () => {
    while (waiting.length > 0) {
      const thread = threads.find((t) => !t.job) ?? (threads.length < size ? start() : undefined);
      if (!thread) return;
      const queued = waiting.shift()!;
      thread.job = queued;
      thread.worker.ref();
      thread.worker.postMessage(queued.job);
    }
  };

  return {
    size,
    run: (job) =>
      new Promise((resolve, reject) => {
        waiting.push({ job, resolve, reject });
        next();
      }),
  };
}
