import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH, benchConfig, benchLoginBody, benchUserEmail } from '../targets/bench-config.js';
import { BENCH_LOGIN_USERS } from '../targets/protocol.js';
import type { RunningTarget } from './spawn-target.js';

const LISTENING = /oauth-ro listening on (http:\/\/127\.0\.0\.1:\d+)/;

async function postJson(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/**
 * Starts the built standalone server (`apps/server/dist/main.js`) as `pnpm start` would, with the
 * bench configuration in a file, its embedded database in a temporary directory and its default
 * logging (pino at `info`, to a pipe the bench drains), then signs the bench user up over HTTP.
 * Undefined when the server is not built.
 *
 * @example const standalone = await spawnStandalone(repoRoot);
 */
export async function spawnStandalone(
  repoRoot: string,
  options: { readonly users?: number; readonly execArgv?: readonly string[] } = {},
): Promise<RunningTarget | undefined> {
  const main = join(repoRoot, 'apps/server/dist/main.js');
  if (!existsSync(main)) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-bench-'));
  const configFile = join(dir, 'oauth-ro.json');
  writeFileSync(configFile, JSON.stringify(benchConfig()));
  const child = spawn(process.execPath, [...(options.execArgv ?? []), main], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      OAUTH_RO_CONFIG: configFile,
      OAUTH_RO_DATABASE: `sqlite:${join(dir, 'oauth-ro.db')}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Log lines are not read, but must be drained: a full pipe would block the server.
  child.stdout.resume();
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the standalone server did not start within 60 s')), 60_000);
    // The "listening on" line is on stderr (stdout carries only JSON log lines).
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = LISTENING.exec(out);
      if (match) {
        clearTimeout(timer);
        out = '';
        resolve(match[1]!);
      } else if (out.length > 1_000_000) out = out.slice(-1000);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the standalone server exited (${code}): ${stderr.slice(0, 500)}`));
    });
  });
  const stop = async () => {
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const users = Math.max(BENCH_LOGIN_USERS, options.users ?? 0);
    const loginBodies = Array.from({ length: BENCH_LOGIN_USERS }, (_, i) => ({ ...benchLoginBody(), username: benchUserEmail(i) }));
    // The bench user, then the login runs' users (and more for TargetSpec.users); the default per-IP
    // sign-up limit (50 an hour) caps how many.
    for (const email of [BENCH.email, ...Array.from({ length: users }, (_, i) => benchUserEmail(i))]) {
      const signup = await postJson(`${url}/dbconnections/signup`, { client_id: BENCH.clientId, connection: BENCH.connection, email, password: BENCH.password });
      if (signup.status !== 200) throw new Error(`standalone sign-up of ${email} answered ${signup.status}`);
    }
    const login = await postJson(`${url}/oauth/ro`, benchLoginBody());
    if (login.status !== 200) throw new Error(`standalone login answered ${login.status}`);
    return {
      pid: child.pid!,
      url,
      fixtures: {
        issuer: BENCH.issuer,
        loginBody: benchLoginBody(),
        loginBodies,
        accessToken: String(login.json.access_token),
        idToken: String(login.json.id_token),
      },
      rawArgon2: () => Promise.reject(new Error('not a raw-argon2 target')),
      // CLOCK_MONOTONIC is one clock for every process on Linux: the parent's reading is the child's.
      mark: async () => Number(process.hrtime.bigint() / 1000n),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
