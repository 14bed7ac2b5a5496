import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchConfig } from '../targets/bench-config.js';

const LISTENING = /oauth-ro listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** A standalone server on a seeded database. */
export interface ScaleServer {
  readonly pid: number;
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts the built standalone server (`apps/server/dist/main.js`) on `database` (an
 * `OAUTH_RO_DATABASE` value) with the bench configuration (brute-force protection on, as deployed),
 * logging at `warn` and the pruning schedule off (a sweep in the middle of a round would be noise).
 * Undefined when the server is not built.
 *
 * @example const server = await spawnScaleServer(repoRoot, 'sqlite:/tmp/x/oauth-ro.db');
 */
export async function spawnScaleServer(repoRoot: string, database: string): Promise<ScaleServer | undefined> {
  const main = join(repoRoot, 'apps/server/dist/main.js');
  if (!existsSync(main)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-bench-scale-server-'));
  const configFile = join(dir, 'oauth-ro.json');
  writeFileSync(configFile, JSON.stringify(benchConfig()));
  const child = spawn(process.execPath, [main], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      OAUTH_RO_CONFIG: configFile,
      OAUTH_RO_DATABASE: database,
      OAUTH_RO_LOG_LEVEL: 'warn',
      OAUTH_RO_PRUNE_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stdout.resume();
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the standalone server did not start within 120 s')), 120_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-4000);
        const match = LISTENING.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the standalone server exited (${code}): ${stderr.slice(0, 500)}`));
      });
    });
    return { pid: child.pid!, url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
