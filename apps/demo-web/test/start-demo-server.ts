import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { testLogFile } from '@oauth-ro/test-kit';

const SERVER_MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
export const DEMO_DIR = fileURLToPath(new URL('../dist', import.meta.url));

/** A port nobody listens on right now (the server binds it a moment later). */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The standalone server process serving the demo page. */
export interface DemoServer {
  /** `http://127.0.0.1:<port>` as the server printed it. */
  readonly url: string;
  /** Every line the server printed (stdout and stderr), for a failure message. */
  readonly output: string[];
  stop(): Promise<void>;
}

/**
 * Starts `node apps/server/dist/main.js` with exactly `env` (plus PATH, `OAUTH_RO_DEMO_DIR` pointing
 * at the built page, and `OAUTH_RO_LOG_LEVEL=debug` unless `env` sets it), and waits (at most
 * `timeoutMs`) for its "listening on" line. Its log lines and stderr are copied to the test log
 * directory, where scripts/check-test-logs.mjs looks for secrets after the suite.
 *
 * @example
 * const server = await startDemoServer({ PORT: String(await freePort()), OAUTH_RO_CONFIG: file });
 * await page.goto(`${server.url}/demo/`);
 */
export async function startDemoServer(env: Record<string, string>, timeoutMs = 30_000): Promise<DemoServer> {
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: { PATH: process.env.PATH ?? '', OAUTH_RO_DEMO_DIR: DEMO_DIR, OAUTH_RO_LOG_LEVEL: 'debug', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const logFile = testLogFile('demo-server');
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    output.push(line);
    logFile?.writeLine(line);
  });
  // The operator lines (banner, "listening on") are on stderr; the banner's curl lines carry the
  // demo password on purpose, so they stay out of the log directory.
  const listening = new Promise<string>((resolve) => {
    createInterface({ input: child.stderr }).on('line', (line) => {
      output.push(line);
      if (!line.trim().startsWith('curl ')) logFile?.writeLine(line);
      if (line.startsWith('oauth-ro listening on ')) resolve(line.slice('oauth-ro listening on '.length));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const url = await Promise.race([
    listening,
    exited.then((code) => Promise.reject(new Error(`server exited (${code}) before listening:\n${output.join('\n')}`))),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`server not listening within ${timeoutMs} ms:\n${output.join('\n')}`)), timeoutMs);
    }),
  ])
    .catch(async (error: unknown) => {
      await stop();
      throw error;
    })
    .finally(() => clearTimeout(timer));
  return { url, output, stop };
}
