import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
  /**
   * Freezes (SIGSTOP) / thaws (SIGCONT) the process: connections hang instead of failing. `pause`
   * resolves once the kernel reports the process stopped (a signal is delivered asynchronously, and a
   * request sent in between would still be answered).
   */
  pause(): Promise<void>;
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

const dirs = new Set<string>();
let exitHook = false;

/**
 * Removes a launcher's temporary directory if the test process exits without closing it (the
 * daemons themselves die with the process: see {@link spawnDaemon}).
 *
 * @example
 * removeOnExit(dir);
 */
export function removeOnExit(dir: string): void {
  dirs.add(dir);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
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

/** Whether `host:port` accepts a TCP connection right now. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves once `host:port` accepts TCP connections, or rejects after `timeoutMs`. */
export async function waitForPort(host: string, port: number, timeoutMs: number, exited?: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = exited?.();
    if (why) throw new Error(why);
    const open = await accepts(host, port);
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves once `host:port` refuses connections. */
export async function waitForPortClosed(host: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await accepts(host, port);
    if (!open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${host}:${port} still accepts connections after ${timeoutMs} ms`);
}

/** A daemon started through a small shell wrapper that kills it when the test process goes away. */
export interface Daemon {
  /** The daemon's own pid (for signals such as SIGSTOP). */
  readonly pid: number;
  /** The wrapper; its exit is the daemon's exit. */
  readonly wrapper: ChildProcess;
  /** Why it exited, with its last output, if it did. */
  readonly exited: () => string | undefined;
  /** SIGTERM to the daemon (SIGKILL after `graceMs`), resolved when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

// The wrapper holds the read end of a pipe from the test process: when that process dies, however it
// dies, the pipe closes and the daemon is killed, so no slapd or samba outlives a crashed test run.
// (A background job's stdin would be /dev/null, hence the explicit copy of the pipe as fd 3.)
const TIE = `exec 3<&0
"$@" 0</dev/null 3<&- &
child=$!
echo "pid $child"
{ while read -r _; do :; done; kill -TERM "$child" 2>/dev/null; sleep 3; kill -KILL "$child" 2>/dev/null; } <&3 &
watcher=$!
wait "$child"; status=$?
kill "$watcher" 2>/dev/null
exit $status`;

/**
 * Starts `command` in the foreground under the tie-to-parent wrapper and resolves once its pid is known.
 *
 * @example
 * const slapd = await spawnDaemon('/usr/sbin/slapd', ['-f', conf, '-h', url, '-d', '0']);
 */
export async function spawnDaemon(command: string, args: readonly string[]): Promise<Daemon> {
  const wrapper = spawn('/bin/bash', ['-c', TIE, 'daemon', command, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  wrapper.stderr?.on('data', keep);
  const pid = await new Promise<number>((resolve, reject) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString();
      const match = /^pid (\d+)\n/.exec(head);
      if (!match) return;
      wrapper.stdout?.off('data', onData);
      wrapper.stdout?.on('data', keep);
      keep(Buffer.from(head.slice(match[0].length)));
      resolve(Number(match[1]));
    };
    wrapper.stdout?.on('data', onData);
    wrapper.once('exit', (code) => reject(new Error(`${command} exited with ${code} before starting: ${output}`)));
  });
  const exit = new Promise<void>((resolve) => wrapper.once('exit', () => resolve()));
  return {
    pid,
    wrapper,
    exited: () => (wrapper.exitCode !== null || wrapper.signalCode !== null ? `${command} exited with ${wrapper.exitCode ?? wrapper.signalCode}: ${output}` : undefined),
    async stop(graceMs = 5_000) {
      if (wrapper.exitCode !== null || wrapper.signalCode !== null) return;
      const signal = (sig: NodeJS.Signals) => {
        try {
          process.kill(pid, sig);
        } catch {
          // already gone
        }
      };
      signal('SIGCONT');
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      await exit;
      clearTimeout(timer);
    },
  };
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
  removeOnExit(dir);
  await mkdir(join(dir, 'data'));
  const cert = await makeTestCertificate(join(dir));
  await writeFile(join(dir, 'slapd.conf'), slapdConf(dir, suffix, adminDn, adminPassword, cert.certPath, cert.keyPath, options.acl ?? DEFAULT_ACL));
  const port = await freePort();
  const ldapsPort = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const ldapsUrl = `ldaps://127.0.0.1:${ldapsPort}`;
  let daemon: Daemon | undefined;

  async function start(): Promise<void> {
    daemon = await spawnDaemon('/usr/sbin/slapd', ['-f', join(dir, 'slapd.conf'), '-h', `${url}/ ${ldapsUrl}/`, '-d', '0']);
    try {
      await waitForPort('127.0.0.1', port, 15_000, daemon.exited);
      await waitForPort('127.0.0.1', ldapsPort, 15_000, daemon.exited);
    } catch (error) {
      await daemon.stop();
      throw error;
    }
  }

  async function modify(ldif: string): Promise<void> {
    const file = join(dir, `change-${Date.now()}-${Math.random().toString(36).slice(2)}.ldif`);
    await writeFile(file, ldif);
    try {
      await run('ldapmodify', ['-a', '-x', '-H', url, '-D', adminDn, '-w', adminPassword, '-f', file], { timeout: 30_000 });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`ldapmodify failed: ${e.stderr || e.message}`, { cause: error });
    } finally {
      await rm(file, { force: true });
    }
  }

  await start();
  try {
    await modify(`dn: ${suffix}\nobjectClass: dcObject\nobjectClass: organization\no: oauth-ro tests\ndc: ${/^dc=([^,]+)/i.exec(suffix)?.[1] ?? 'example'}\n`);
    if (options.ldif) await modify(options.ldif);
  } catch (error) {
    await daemon?.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

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
      await daemon?.stop();
      await waitForPortClosed('127.0.0.1', port, 5_000);
    },
    start,
    async pause() {
      if (!daemon) return;
      process.kill(daemon.pid, 'SIGSTOP');
      await waitUntilStopped(daemon.pid, 2_000);
    },
    resume() {
      if (daemon) process.kill(daemon.pid, 'SIGCONT');
    },
    async close() {
      await daemon?.stop();
      await rm(dir, { recursive: true, force: true });
      dirs.delete(dir);
    },
  };
}

/** Resolves when /proc says every thread of `pid` is stopped (state T); rejects after `timeoutMs`. */
async function waitUntilStopped(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tasks = await readdir(`/proc/${pid}/task`);
    const states = await Promise.all(tasks.map(async (tid) => (await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8')).replace(/^.*\) /s, '')[0]));
    if (states.every((state) => state === 'T' || state === 't')) return;
    if (Date.now() > deadline) throw new Error(`slapd (pid ${pid}) did not stop within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
