import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { testLogFile } from '@oauth-ro/test-kit';

export const SERVER_MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** A port nobody listens on right now (the server binds it a moment later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A temporary directory, removed by `cleanup`. */
export async function tempDir(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'oauth-ro-server-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A server process and what it printed. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  /** The first line matching `pattern` on stdout or stderr (the operator lines), already printed or yet to come (rejects on exit). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGKILL if still running (test cleanup). */
  kill(): Promise<void>;
}

/**
 * Starts `node dist/main.js` with exactly `env` (plus PATH, and `OAUTH_RO_LOG_LEVEL=debug` unless
 * `env` sets it), collecting its output line by line (and copying it to the test log directory).
 *
 * @example
 * const server = spawnServer({ PORT: String(await freePort()), OAUTH_RO_DATABASE: `sqlite:${dir}/o.db` });
 * await server.waitForLine(/^oauth-ro listening on /);
 */
export function spawnServer(env: Record<string, string>): ServerProcess {
  // Verbose by default, and its log lines (and stderr) kept in the test log directory, where
  // scripts/check-test-logs.mjs looks for secrets after the suite.
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: { PATH: process.env.PATH ?? '', OAUTH_RO_LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logFile = testLogFile('server');
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve(line: string): void }>();
  const wake = (line: string) => {
    for (const waiter of waiters) {
      if (waiter.pattern.test(line)) {
        waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    stdout.push(line);
    logFile?.writeLine(line);
    wake(line);
  });
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderr.push(line);
    // Not the zero-config banner's curl lines: they carry the demo password on purpose.
    if (!line.trim().startsWith('curl ')) logFile?.writeLine(line);
    wake(line);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout,
    stderr,
    exited,
    waitForLine(pattern, timeoutMs = 20_000) {
      const seen = [...stdout, ...stderr].find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms\nstdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('\n')}`));
        }, timeoutMs);
        const waiter = {
          pattern,
          resolve: (line: string) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        waiters.add(waiter);
        void exited.then((code) => {
          if (!waiters.has(waiter)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          reject(new Error(`server exited (${code}) before printing ${pattern}\nstdout:\n${stdout.join('\n')}\nstderr:\n${stderr.join('\n')}`));
        });
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/**
 * Starts the server (on a free port unless `env` sets `PORT`) and waits for its listening line;
 * returns the base URL it printed.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess & { url: string }> {
  const server = spawnServer(env.PORT === undefined ? { PORT: String(await freePort()), ...env } : env);
  try {
    const line = await server.waitForLine(/^oauth-ro listening on /);
    return Object.assign(server, { url: line.slice('oauth-ro listening on '.length) });
  } catch (error) {
    await server.kill();
    throw error;
  }
}
