import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processUsage } from './process-usage.js';
import type { PoolOptions, RunOutcome, ScriptFailure, ScriptKind, ScriptLogEntry } from './types.js';

interface Task {
  readonly kind: ScriptKind;
  readonly input: unknown;
  readonly resolve: (outcome: RunOutcome<unknown>) => void;
}

interface Worker {
  readonly child: ChildProcess;
  readonly ready: Promise<boolean>;
  task?: Task;
  /** Settles the running task once, whatever ends it first. */
  finish?: (outcome: RunOutcome<unknown>) => void;
  stderr: string;
  started: boolean;
  killedFor?: ScriptFailure['kind'];
}

const DEFAULTS = { size: 2, timeoutMs: 20_000, cpuMs: 5_000, memoryMb: 128, maxQueue: 1_000, startTimeoutMs: 10_000 };
const USAGE_POLL_MS = 25;
const PING_TIMEOUT_MS = 1_000;

/** The child entry: next to the bundle in dist/, or in src/child when run from source (tests). */
function childEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'child', 'child-main.cjs'), join(here, '..', 'child', 'child-main.cjs')];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`@oauth-ro/scripts: child entry not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** The folder holding a resolved module's node_modules tree (pnpm's `.pnpm` store or npm's flat folder). */
function modulesRoot(resolvedFile: string): string {
  const marker = `${sep}node_modules${sep}`;
  const at = resolvedFile.indexOf(marker);
  return at < 0 ? dirname(resolvedFile) : resolvedFile.slice(0, at + marker.length - 1);
}

function failure(kind: ScriptFailure['kind'], message: string): RunOutcome<never> {
  return { ok: false, error: { kind, name: 'ScriptRunnerError', message } };
}

/**
 * A pool of child processes that run Auth0 scripts one call at a time each, under Node's permission
 * model, with a heap cap, and with CPU time, resident memory and wall-clock budgets enforced here in
 * the parent (a child that exceeds one is killed and replaced; the call answers a failure, other
 * calls go on in the other children).
 *
 * @example
 * const pool = createScriptPool({ size: 2, allowHosts: ['legacy-db.internal:5432'] });
 * const outcome = await pool.run('database', { op: 'login', id: 'legacy', script, args: { email, password } });
 * await pool.close();
 */
export function createScriptPool(options: PoolOptions = {}) {
  const settings = { ...DEFAULTS, ...options };
  const entry = childEntry();
  const requireHere = createRequire(entry);
  // The child's own table of Auth0 module names → npm packages: the parent only resolves them.
  const { PACKAGES } = requireHere('./modules.cjs') as { PACKAGES: Readonly<Record<string, string>> };
  const resolved: Record<string, string> = {};
  const readable = new Set<string>([dirname(entry)]);
  for (const [name, pkg] of Object.entries(PACKAGES)) {
    const file = requireHere.resolve(pkg);
    resolved[name] = file;
    readable.add(modulesRoot(file));
  }
  const permissionFlag = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
  const execArgv = [
    permissionFlag,
    ...[...readable].map((path) => `--allow-fs-read=${path}`),
    `--max-old-space-size=${settings.memoryMb}`,
    '--disable-warning=ExperimentalWarning',
  ];
  const childSettings = JSON.stringify({ allow: settings.allowHosts ?? [], modules: resolved });
  const rssLimitBytes = (settings.memoryMb + 96) * 1024 * 1024;

  const workers = new Set<Worker>();
  const idle: Worker[] = [];
  const queue: Task[] = [];
  let nextId = 0;
  let closed = false;
  let spawnFailures = 0;

  function spawnWorker(): void {
    const child = fork(entry, [childSettings], {
      execArgv,
      env: settings.caFile === undefined ? {} : { NODE_EXTRA_CA_CERTS: settings.caFile },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    let markReady!: (ready: boolean) => void;
    const worker: Worker = { child, ready: new Promise((resolve) => (markReady = resolve)), stderr: '', started: false };
    workers.add(worker);
    const startTimer = setTimeout(() => child.kill('SIGKILL'), settings.startTimeoutMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      worker.stderr = (worker.stderr + chunk.toString('utf8')).slice(-4096);
    });
    child.on('message', (message: { type?: string; id?: number; ok?: boolean; error?: unknown; value?: unknown } & ScriptLogEntry) => {
      switch (message?.type) {
        case 'ready':
          clearTimeout(startTimer);
          worker.started = true;
          spawnFailures = 0;
          markReady(true);
          makeIdle(worker);
          break;
        case 'result':
          worker.finish?.(message.ok ? { ok: true, value: message.value } : { ok: false, error: { kind: 'script', ...(message.error as object) } as ScriptFailure });
          break;
        case 'uncaught':
          // An exception outside the call's own flow (a throw in a callback): the call fails and the
          // process, whose state is now unknown, is replaced.
          worker.finish?.({ ok: false, error: { kind: 'script', ...(message.error as object) } as ScriptFailure });
          child.kill('SIGKILL');
          break;
        case 'log':
          settings.onLog?.({ level: message.level, script: message.script, text: message.text });
          break;
      }
    });
    child.on('exit', () => {
      clearTimeout(startTimer);
      markReady(false);
      workers.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      const kind = worker.killedFor ?? (/heap out of memory|Allocation failed/i.test(worker.stderr) ? 'memory' : 'crashed');
      worker.finish?.(failure(kind, exitMessage(kind, settings)));
      if (closed) return;
      // Back off when children die at start (a broken install), so a crash loop cannot spin, and
      // do not leave callers waiting on a pool that cannot start.
      if (!worker.started && ++spawnFailures >= 3) {
        for (const task of queue.splice(0)) task.resolve(failure('crashed', `script processes fail to start: ${worker.stderr.trim().slice(-500)}`));
      }
      setTimeout(spawnWorker, Math.min(5_000, spawnFailures * 250)).unref();
    });
  }

  function makeIdle(worker: Worker): void {
    if (closed || !workers.has(worker)) return;
    const task = queue.shift();
    if (task) start(worker, task);
    else idle.push(worker);
  }

  function start(worker: Worker, task: Task): void {
    const id = ++nextId;
    worker.task = task;
    let settled = false;
    let startCpu: number | undefined;
    const kill = (kind: ScriptFailure['kind']) => {
      worker.killedFor = kind;
      worker.child.kill('SIGKILL');
    };
    const wallTimer = setTimeout(() => kill('timeout'), settings.timeoutMs);
    // The CPU count starts at the first poll, not at the start: a call that ends sooner (nearly every
    // one) costs no read of /proc (two files, on libuv's pool, which the signatures of a login share),
    // and a budget of seconds does not miss the first few milliseconds.
    const usageTimer = setInterval(() => {
      void processUsage(worker.child.pid ?? -1).then((usage) => {
        if (!usage || settled) return;
        startCpu ??= usage.cpuMs;
        if (usage.cpuMs - startCpu > settings.cpuMs) kill('cpu');
        else if (usage.rssBytes > rssLimitBytes) kill('memory');
      });
    }, USAGE_POLL_MS);
    worker.finish = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(wallTimer);
      clearInterval(usageTimer);
      worker.finish = undefined;
      worker.task = undefined;
      task.resolve(outcome);
      if (worker.killedFor === undefined && workers.has(worker)) recycle(worker);
    };
    worker.child.send({ type: 'run', id, kind: task.kind, input: task.input });
  }

  /** Back to the pool only if the child answers a ping: a script that spins after calling back is replaced. */
  function recycle(worker: Worker): void {
    const id = ++nextId;
    const timer = setTimeout(() => {
      worker.killedFor = 'timeout';
      worker.child.kill('SIGKILL');
    }, PING_TIMEOUT_MS);
    const onPong = (message: { type?: string; id?: number }) => {
      if (message?.type !== 'pong' || message.id !== id) return;
      clearTimeout(timer);
      worker.child.off('message', onPong);
      makeIdle(worker);
    };
    worker.child.on('message', onPong);
    worker.child.send({ type: 'ping', id });
  }

  for (let i = 0; i < settings.size; i++) spawnWorker();

  return {
    /** Runs one call; never throws: failures of the script or of its budgets come back as `ok: false`. */
    run<T>(kind: ScriptKind, input: unknown): Promise<RunOutcome<T>> {
      if (closed) return Promise.resolve(failure('closed', 'the script runner is closed'));
      return new Promise<RunOutcome<T>>((resolve) => {
        const task: Task = { kind, input, resolve: resolve as (outcome: RunOutcome<unknown>) => void };
        const worker = idle.shift();
        if (worker) start(worker, task);
        else if (queue.length >= settings.maxQueue) resolve(failure('busy', 'too many scripts waiting to run'));
        else queue.push(task);
      });
    },
    /** Resolves once every child has started (true) or one failed to (false). */
    async ready(): Promise<boolean> {
      const results = await Promise.all([...workers].map((w) => w.ready));
      return results.every(Boolean);
    },
    /** Children alive now, for tests and metrics. */
    pids(): number[] {
      return [...workers].map((w) => w.child.pid ?? -1);
    },
    async close(): Promise<void> {
      closed = true;
      for (const task of queue.splice(0)) task.resolve(failure('closed', 'the script runner is closed'));
      await Promise.all(
        [...workers].map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
              w.child.once('exit', () => resolve());
              w.child.kill('SIGKILL');
            }),
        ),
      );
    },
  };
}

function exitMessage(kind: ScriptFailure['kind'], settings: { timeoutMs: number; cpuMs: number; memoryMb: number }): string {
  switch (kind) {
    case 'timeout':
      return `Script execution time exceeded (${settings.timeoutMs} ms)`;
    case 'cpu':
      return `Script CPU time exceeded (${settings.cpuMs} ms)`;
    case 'memory':
      return `Script memory exceeded (${settings.memoryMb} MiB)`;
    default:
      return 'The script process ended unexpectedly';
  }
}

/** The pool's type. */
export type ScriptPool = ReturnType<typeof createScriptPool>;
