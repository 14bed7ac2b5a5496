import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTestCertificate } from './make-test-certificate.js';
import { removeOnExit, spawnDaemon, waitForPort, waitForPortClosed, type Daemon } from './slapd.js';

const run = promisify(execFile);

/** A running Samba Active Directory domain controller started by a test. */
export interface SambaAdInstance {
  /**
   * The loopback address it alone listens on (Samba's LDAP ports are fixed at 389/636, so each
   * instance gets its own 127.x.y.z instead of its own port).
   */
  readonly host: string;
  /** `ldap://<host>` (simple binds allowed without TLS: `ldap server require strong auth = no`). */
  readonly url: string;
  /** `ldaps://<host>`; the certificate is for `localhost`, so clients set the server name. */
  readonly ldapsUrl: string;
  /** PEM of the certificate the DC presents; trust it as the CA. */
  readonly ca: string;
  /** The name in that certificate. */
  readonly tlsServername: string;
  /** e.g. `CORP.EXAMPLE.TEST`. */
  readonly realm: string;
  /** NetBIOS domain, e.g. `CORP`. */
  readonly domain: string;
  /** e.g. `DC=corp,DC=example,DC=test`. */
  readonly baseDn: string;
  /** `CN=Users,<baseDn>`. */
  readonly usersDn: string;
  /** `Administrator@<dns domain>`. */
  readonly adminUpn: string;
  readonly adminPassword: string;
  readonly dir: string;
  /** Runs `ldapmodify -a` over LDAPS as Administrator (unicodePwd needs an encrypted connection). */
  modify(ldif: string): Promise<void>;
  /** Runs `samba-tool <args>` against the DC's own database. */
  sambaTool(args: readonly string[]): Promise<string>;
  /**
   * Sets `pwdLastSet` to a point in the past (AD only lets clients write 0 or -1) by editing the
   * domain partition directly, for "password expired" states.
   */
  agePassword(dn: string, days: number): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link startSambaAd}. */
export interface SambaAdOptions {
  /** Default `CORP.EXAMPLE.TEST`. */
  readonly realm?: string;
  /** Default `CORP`. */
  readonly domain?: string;
  readonly adminPassword?: string;
}

/** The `UTF-16LE "password"` value AD wants in `unicodePwd`, base64 for LDIF (`unicodePwd:: …`). */
export function unicodePwd(password: string): string {
  return Buffer.from(`"${password}"`, 'utf16le').toString('base64');
}

/** A random 127.x.y.z on which nothing listens on 389. */
async function freeLoopbackHost(): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const byte = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
    const host = `127.${byte(100, 250)}.${byte(0, 255)}.${byte(1, 254)}`;
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(389, host, () => server.close(() => resolve(true)));
    });
    if (free) return host;
  }
  throw new Error('no free loopback address for Samba');
}

function setGlobal(conf: string, settings: Readonly<Record<string, string>>): string {
  let out = conf;
  for (const [key, value] of Object.entries(settings)) {
    const line = new RegExp(`^\\s*${key.replace(/ /g, '\\s+')}\\s*=.*$`, 'mi');
    out = line.test(out) ? out.replace(line, `\t${key} = ${value}`) : out.replace(/^\[global\]\s*$/m, `[global]\n\t${key} = ${value}`);
  }
  return out;
}

/** Edits one attribute of the domain partition without Samba's modules (which refuse pwdLastSet). */
const AGE_PASSWORD_PY = `
import ldb, sys, time
db = ldb.Ldb(sys.argv[1], options=['modules:'])
m = ldb.Message(); m.dn = ldb.Dn(db, sys.argv[2])
filetime = int((time.time() - float(sys.argv[3]) * 86400) * 10**7) + 116444736000000000
m['pwdLastSet'] = ldb.MessageElement(str(filetime), ldb.FLAG_MOD_REPLACE, 'pwdLastSet')
db.modify(m)
`;

/**
 * Provisions a fresh Samba AD domain (`samba-tool domain provision --server-role=dc
 * --dns-backend=NONE`) in a temporary directory, then runs `samba` with only its LDAP service on a
 * loopback address of its own, TLS with a test certificate, and simple binds allowed over plain
 * LDAP. Takes about 10 seconds; start one per test file. Needs Debian's `samba`, `samba-ad-dc`,
 * `samba-ad-provision` and `ldap-utils` (scripts/ci/directories.sh).
 *
 * @example
 * const dc = await startSambaAd();
 * await dc.modify(`dn: CN=jdoe,${dc.usersDn}\nobjectClass: user\nsAMAccountName: jdoe\nunicodePwd:: ${unicodePwd('Passw0rd-1!')}\nuserAccountControl: 512\n`);
 * await dc.close();
 */
export async function startSambaAd(options: SambaAdOptions = {}): Promise<SambaAdInstance> {
  const realm = options.realm ?? 'CORP.EXAMPLE.TEST';
  const domain = options.domain ?? 'CORP';
  const adminPassword = options.adminPassword ?? 'Adm1n-Passw0rd!';
  const dnsDomain = realm.toLowerCase();
  const baseDn = dnsDomain.split('.').map((part) => `DC=${part}`).join(',');
  const host = await freeLoopbackHost();
  const dir = await mkdtemp(join(tmpdir(), 'oauth-ro-samba-'));
  removeOnExit(dir);
  const confPath = join(dir, 'etc', 'smb.conf');
  try {
    await run('samba-tool', [
      'domain', 'provision', `--realm=${realm}`, `--domain=${domain}`, '--server-role=dc', '--dns-backend=NONE',
      `--adminpass=${adminPassword}`, `--targetdir=${dir}`, '--host-name=dc1', `--option=interfaces=${host}/8`,
      '--option=bind interfaces only=yes',
    ], { timeout: 120_000 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`samba-tool domain provision failed: ${(e.stderr || e.message).slice(-2000)}`, { cause: error });
  }
  const tlsDir = join(dir, 'tls');
  await mkdir(tlsDir);
  const cert = await makeTestCertificate(tlsDir);
  await chmod(cert.keyPath, 0o600);
  await mkdir(join(dir, 'run'));
  const conf = setGlobal(await readFile(confPath, 'utf8'), {
    'server services': 'ldap',
    'ldap server require strong auth': 'no',
    'pid directory': join(dir, 'run'),
    'log file': join(dir, 'log.%m'),
    'tls enabled': 'yes',
    'tls certfile': cert.certPath,
    'tls keyfile': cert.keyPath,
    'tls cafile': cert.certPath,
  });
  await writeFile(confPath, conf);
  const url = `ldap://${host}`;
  const ldapsUrl = `ldaps://${host}`;
  const adminUpn = `Administrator@${dnsDomain}`;
  let daemon: Daemon | undefined;

  async function start(): Promise<void> {
    daemon = await spawnDaemon('/usr/sbin/samba', ['-s', confPath, '--foreground', '--no-process-group', '-M', 'single']);
    try {
      await waitForPort(host, 389, 60_000, daemon.exited);
      await waitForPort(host, 636, 60_000, daemon.exited);
    } catch (error) {
      await daemon.stop(10_000);
      throw error;
    }
  }

  async function modify(ldif: string): Promise<void> {
    const file = join(dir, `change-${Date.now()}-${Math.random().toString(36).slice(2)}.ldif`);
    await writeFile(file, ldif);
    try {
      // The admin channel of the fixture itself; the code under test always verifies certificates.
      await run('ldapmodify', ['-a', '-x', '-H', ldapsUrl, '-D', adminUpn, '-w', adminPassword, '-f', file], {
        timeout: 60_000,
        env: { ...process.env, LDAPTLS_REQCERT: 'never' },
      });
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`ldapmodify failed: ${e.stderr || e.message}`, { cause: error });
    } finally {
      await rm(file, { force: true });
    }
  }

  await start();

  return {
    host,
    url,
    ldapsUrl,
    ca: cert.cert,
    tlsServername: 'localhost',
    realm,
    domain,
    baseDn,
    usersDn: `CN=Users,${baseDn}`,
    adminUpn,
    adminPassword,
    dir,
    modify,
    async sambaTool(args) {
      const { stdout } = await run('samba-tool', [...args, '-H', join(dir, 'private', 'sam.ldb'), '-s', confPath], { timeout: 60_000 });
      return stdout;
    },
    async agePassword(dn, days) {
      const partition = join(dir, 'private', 'sam.ldb.d', `${baseDn.toUpperCase()}.ldb`);
      await run('/usr/bin/python3', ['-c', AGE_PASSWORD_PY, partition, dn, String(days)], { timeout: 30_000 });
    },
    async stop() {
      await daemon?.stop(10_000);
      await waitForPortClosed(host, 389, 10_000);
    },
    start,
    async close() {
      await daemon?.stop(10_000);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
