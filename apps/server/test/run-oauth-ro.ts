import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testLogFile } from '@oauth-ro/test-kit';
import { SERVER_MAIN } from './spawn-server.js';

const runFile = promisify(execFile);

/** The command's diagnostics go to the test log directory, which scripts/check-test-logs.mjs greps for secrets. */
function keepStderr(stderr: string): void {
  const file = testLogFile('cli');
  for (const line of stderr.split('\n')) if (line !== '') file?.writeLine(line);
}

/**
 * Runs the real `oauth-ro` binary (`node dist/main.js <args>`) with exactly `env` (plus PATH) and
 * resolves with its exit code and output, whatever the code.
 *
 * @example const { code, stdout } = await runOauthRo(['users', 'list'], { OAUTH_RO_DATABASE: 'sqlite:/tmp/o.db' });
 */
export async function runOauthRo(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await runFile(process.execPath, [SERVER_MAIN, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    keepStderr(stderr);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    keepStderr(failed.stderr ?? '');
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
