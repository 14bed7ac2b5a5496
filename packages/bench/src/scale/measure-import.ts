import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { BENCH, benchConfig } from '../targets/bench-config.js';

/** One `oauth-ro users import` run. */
export interface ImportRun {
  readonly users: number;
  readonly seconds: number;
  readonly usersPerSecond: number;
  readonly peakRssMiB: number;
  readonly exitCode: number | null;
  /** The command's summary line ("imported …"). */
  readonly summary: string;
}

/**
 * Writes an Auth0 export of `size` users as JSON lines (the export job's format), every user with
 * the same bcrypt hash (cost 10, as Auth0 exports carry; the importer stores hashes as they are).
 *
 * @example await writeAuth0Export('/tmp/x/users.json', 1_000_000);
 */
export async function writeAuth0Export(path: string, size: number): Promise<void> {
  const out = createWriteStream(path);
  let chunk = '';
  for (let i = 0; i < size; i += 1) {
    const id = String(i).padStart(24, '0');
    chunk += `{"user_id":"auth0|${id}","email":"import${i}@scale.example","email_verified":true,"name":"Imported ${i}","created_at":"2024-01-01T00:00:00.000Z","password_hash":"${BENCH.bcryptHash}"}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function rssKiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs the built CLI (`apps/server/dist/main.js users import`) on `file` into `database` (an
 * `OAUTH_RO_DATABASE` value of a fresh database) as a child process, reading its VmRSS every 50 ms.
 * Bounded by `timeoutSeconds` (killed past it). Undefined when the server is not built.
 *
 * @example const run = await measureImport(repoRoot, dir, 'sqlite:/tmp/x/import.db', file, 100_000, 300);
 */
export async function measureImport(
  repoRoot: string,
  dir: string,
  database: string,
  file: string,
  users: number,
  timeoutSeconds: number,
): Promise<ImportRun | undefined> {
  const main = join(repoRoot, 'apps/server/dist/main.js');
  if (!existsSync(main)) return undefined;
  const configFile = join(dir, 'import-config.json');
  writeFileSync(configFile, JSON.stringify(benchConfig()));
  const started = performance.now();
  const child = spawn(process.execPath, [main, 'users', 'import', '--connection', BENCH.connection, file], {
    cwd: dir,
    env: { ...process.env, OAUTH_RO_CONFIG: configFile, OAUTH_RO_DATABASE: database, OAUTH_RO_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  let peakKiB = 0;
  const sampler = setInterval(() => (peakKiB = Math.max(peakKiB, rssKiB(child.pid!))), 50);
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000);
  const [exitCode] = (await once(child, 'exit')) as [number | null];
  clearInterval(sampler);
  clearTimeout(killer);
  const seconds = (performance.now() - started) / 1000;
  const summary = stdout.trim().split('\n').pop() ?? '';
  if (exitCode !== 0) throw new Error(`users import exited ${exitCode}: ${summary} ${stderr.slice(-500)}`);
  return { users, seconds, usersPerSecond: users / seconds, peakRssMiB: peakKiB / 1024, exitCode, summary };
}
