import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url));

/** An example running in its own Node process, and what it printed. */
export interface ExampleProcess {
  readonly child: ChildProcess;
  readonly output: string[];
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string | null>;
  /** The first line of output matching `pattern` (rejects when the process ends first, or after `timeoutMs`). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

/**
 * Runs a TypeScript file the way a user would with `tsx`, with `env` added to this process's
 * environment and `args` on the command line; stdout and stderr are collected line by line.
 *
 * @example
 * const example = runExample('/tmp/express.ts', { PORT: '0' });
 * const line = await example.waitForLine(/listening on (\S+)/);
 */
export function runExample(file: string, env: Record<string, string>, args: readonly string[] = []): ExampleProcess {
  const child = spawn(process.execPath, ['--import', TSX, file, ...args], {
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const listeners = new Set<(line: string) => void>();
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      for (const listener of listeners) listener(line);
    });
  }
  // 'close', not 'exit': a child's last lines can still be unread when it exits.
  const exited = new Promise<number | string | null>((resolve) => child.once('close', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    output,
    exited,
    waitForLine(pattern, timeoutMs = 30_000) {
      const seen = output.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const fail = (why: string) => {
          clearTimeout(timer);
          listeners.delete(listener);
          reject(new Error(`${why} before a line matched ${pattern}; output:\n${output.join('\n')}`));
        };
        const timer = setTimeout(() => fail(`no line within ${timeoutMs} ms`), timeoutMs);
        const listener = (line: string) => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(line);
        };
        listeners.add(listener);
        void exited.then((code) => fail(`the example exited (${String(code)})`));
      });
    },
  };
}
