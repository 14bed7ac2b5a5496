import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTestCertificate } from './make-test-certificate.js';

const run = promisify(execFile);

/** A running OpenLDAP server started by a test, with its admin tools. */
export interface SlapdInstance {
  /** `ldap://127.0.0.1:<port>` (StartTLS available). */
  readonly url: string;
  /** `ldaps://127.0.0.1:<port>`, certificate for `localhost`/`127.0.0.1` signed by {@link ca}. */
  readonly ldapsUrl: string;
  readonly port: number;
  readonly suffix: string;
  readonly adminDn: string;
  readonly adminPassword: string;
  /** PEM of the (self-signed) certificate the server presents; trust it as the CA. */
  readonly ca: string;
  readonly dir: string;
  /** Runs `ldapmodify -a` as the admin (records without `changetype` are adds). */
  modify(ldif: string): Promise<void>;
  /** Stops the server (SIGTERM) and waits until its port is closed; the data stays. */
  stop(): Promise<void>;
  /** Starts it again on the same ports with the same data. */
  start(): Promise<void>;
  /** Freezes (SIGSTOP) / thaws (SIGCONT) the process: connections hang instead of failing. */
  pause(): void;
  resume(): void;
  /** Stops it for good and removes its files. */
  close(): Promise<void>;
}

/** Options of {@link startSlapd}. */
export interface SlapdOptions {
  /** Default `dc=example,dc=org`. */
  readonly suffix?: string;
  readonly adminPassword?: string;
  /** Extra LDIF loaded (as adds) once the server is up. */
  readonly ldif?: string;
  /**
   * `access to …` lines replacing the default (root DSE readable, passwords for auth only, entries
   * readable by any bound user).
   */
  readonly acl?: string;
}

const DEFAULT_ACL = `access to dn.base="" by * read
access to attrs=userPassword by self write by anonymous auth by * none
access to * by users read by * none`;

const live = new Set<ChildProcess>();
const dirs = new Set<string>();
let exitHook = false;

/**
 * Kills what the launchers started if the test process exits without closing them.
 *
 * @example
 * registerForExit(child, dir);
 */
export function registerForExit(child: ChildProcess | undefined, dir: string | undefined): void {
  if (child) live.add(child);
  if (dir) dirs.add(dir);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
}

/** @example const port = await freePort(); */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resolves once `host:port` accepts TCP connections, or rejects after `timeoutMs`. */
export async function waitForPort(host: string, port: number, timeoutMs: number, exited?: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = exited?.();
    if (why) throw new Error(why);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves once `host:port` refuses connections. */
export async function waitForPortClosed(host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (!open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${host}:${port} still accepts connections after ${timeoutMs} ms`);
}

/** Sends SIGTERM and waits for the process to exit (SIGKILL after `graceMs`). */
export async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGCONT');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  live.delete(child);
}

function slapdConf(dir: string, suffix: string, adminDn: string, adminPassword: string, certPath: string, keyPath: string, acl: string): string {
  return `include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
pidfile ${dir}/slapd.pid
argsfile ${dir}/slapd.args
TLSCertificateFile ${certPath}
TLSCertificateKeyFile ${keyPath}
database mdb
maxsize 67108864
suffix "${suffix}"
rootdn "${adminDn}"
rootpw ${adminPassword}
directory ${dir}/data
overlay memberof
${acl}
`;
}

/**
 * Starts OpenLDAP `slapd` (generic schema: core, cosine, inetOrgPerson, nis; memberOf overlay) in a
 * temporary directory on two free ports of 127.0.0.1, with a root DN and an empty suffix entry.
 * Needs Debian's `slapd` and `ldap-utils` (scripts/ci/directories.sh).
 *
 * @example
 * const ldap = await startSlapd();
 * await ldap.modify(`dn: uid=jdoe,ou=people,${ldap.suffix}\nobjectClass: inetOrgPerson\n…`);
 * await ldap.close();
 */
export async function startSlapd(options: SlapdOptions = {}): Promise<SlapdInstance> {
  const suffix = options.suffix ?? 'dc=example,dc=org';
  const adminDn = `cn=admin,${suffix}`;
  const adminPassword = options.adminPassword ?? 'admin-secret';
  const dir = await mkdtemp(join(tmpdir(), 'oauth-ro-slapd-'));
  registerForExit(undefined, dir);
  await mkdir(join(dir, 'data'));
  const cert = await makeTestCertificate(join(dir));
  await writeFile(join(dir, 'slapd.conf'), slapdConf(dir, suffix, adminDn, adminPassword, cert.certPath, cert.keyPath, options.acl ?? DEFAULT_ACL));
  const port = await freePort();
  const ldapsPort = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const ldapsUrl = `ldaps://127.0.0.1:${ldapsPort}`;
  let child: ChildProcess | undefined;
  let stderr = '';

  async function start(): Promise<void> {
    const proc = spawn('/usr/sbin/slapd', ['-f', join(dir, 'slapd.conf'), '-h', `${url}/ ${ldapsUrl}/`, '-d', '0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = proc;
    registerForExit(proc, undefined);
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const exited = () => (proc.exitCode !== null ? `slapd exited with ${proc.exitCode}: ${stderr}` : undefined);
    await waitForPort('127.0.0.1', port, 15_000, exited);
    await waitForPort('127.0.0.1', ldapsPort, 15_000, exited);
  }

  async function modify(ldif: string): Promise<void> {
    const file = join(dir, `change-${Date.now()}-${Math.random().toString(36).slice(2)}.ldif`);
    await writeFile(file, ldif);
    try {
      await run('ldapmodify', ['-a', '-x', '-H', url, '-D', adminDn, '-w', adminPassword, '-f', file], { timeout: 30_000 });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`ldapmodify failed: ${e.stderr || e.message}`);
    } finally {
      await rm(file, { force: true });
    }
  }

  await start();
  await modify(`dn: ${suffix}\nobjectClass: dcObject\nobjectClass: organization\no: oauth-ro tests\ndc: ${/^dc=([^,]+)/i.exec(suffix)?.[1] ?? 'example'}\n`);
  if (options.ldif) await modify(options.ldif);

  return {
    url,
    ldapsUrl,
    port,
    suffix,
    adminDn,
    adminPassword,
    ca: cert.cert,
    dir,
    modify,
    async stop() {
      if (child) await stopProcess(child);
      await waitForPortClosed('127.0.0.1', port, 5_000);
    },
    start,
    pause() {
      child?.kill('SIGSTOP');
    },
    resume() {
      child?.kill('SIGCONT');
    },
    async close() {
      if (child) await stopProcess(child);
      await rm(dir, { recursive: true, force: true });
      dirs.delete(dir);
    },
  };
}
