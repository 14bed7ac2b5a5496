import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { procCpuSeconds } from './proc-cpu.js';
import type { BenchFixtures, ChildMessage, ParentMessage, TargetSpec } from '../targets/protocol.js';

/** Raw argon2 verifies per second, and per CPU-second of the process that ran them. */
export interface RawRate {
  readonly perSecond: number;
  readonly perCpuSecond: number;
}

/** A target running in its own process. */
export interface RunningTarget {
  readonly pid: number;
  readonly url: string;
  readonly fixtures: BenchFixtures | undefined;
  /** raw-argon2 targets: runs the verify loop in the child; verifies per second and per CPU-second. */
  rawArgon2(concurrency: number, seconds: number): Promise<RawRate>;
  /** The child's monotonic clock (µs), to cut a `--cpu-prof` profile to a window. */
  mark(): Promise<number>;
  /** Asks the child to exit and waits for it (its CPU profile, if any, is written by then). */
  stop(): Promise<void>;
}

const SERVE = fileURLToPath(new URL('./serve.js', import.meta.url));
const START_TIMEOUT_MS = 60_000;

function nextMessage(child: ChildProcess, timeoutMs: number): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no answer from the bench child within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: ChildMessage) => {
      cleanup();
      if (message.type === 'failed') reject(new Error(`bench child failed: ${message.message}`));
      else resolve(message);
    };
    const onExit = (code: number | null) => fail(new Error(`bench child exited (${code}) before answering`));
    function cleanup() {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    }
    function fail(error: Error) {
      cleanup();
      reject(error);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Forks `serve.js` (built beside this file) as the target `spec`, on 127.0.0.1, and waits for it to
 * listen. `execArgv` adds Node flags such as `--cpu-prof`; `env` adds environment variables.
 *
 * @example
 * const target = await spawnTarget({ name: 'fastify' });
 * await target.stop();
 */
export async function spawnTarget(spec: TargetSpec, execArgv: readonly string[] = [], env: Readonly<Record<string, string>> = {}): Promise<RunningTarget> {
  const child = fork(SERVE, [JSON.stringify(spec)], { execArgv: [...execArgv], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await nextMessage(child, START_TIMEOUT_MS).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  if (ready.type !== 'ready') throw new Error(`unexpected first message ${ready.type}`);
  const send = (message: ParentMessage) => child.send(message);
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${ready.port}`,
    fixtures: ready.fixtures,
    async rawArgon2(concurrency, seconds) {
      const answer = nextMessage(child, (seconds + 60) * 1000);
      const cpuBefore = procCpuSeconds(child.pid!);
      send({ type: 'raw-argon2', concurrency, seconds });
      const done = await answer;
      const cpu = procCpuSeconds(child.pid!) - cpuBefore;
      if (done.type !== 'raw-argon2-done') throw new Error(`unexpected message ${done.type}`);
      return { perSecond: done.verifies / done.seconds, perCpuSecond: done.verifies / cpu };
    },
    async mark() {
      const answer = nextMessage(child, 10_000);
      send({ type: 'mark' });
      const mark = await answer;
      if (mark.type !== 'mark') throw new Error(`unexpected message ${mark.type}`);
      return mark.atUs;
    },
    async stop() {
      if (child.exitCode === null && child.connected) send({ type: 'stop' });
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
