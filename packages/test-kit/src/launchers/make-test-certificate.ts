import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A self-signed certificate for tests, as PEM text and as files. */
export interface TestCertificate {
  readonly cert: string;
  readonly key: string;
  readonly certPath: string;
  readonly keyPath: string;
  readonly dir: string;
}

/**
 * Makes a one-day self-signed certificate (P-256) for `localhost` and `127.0.0.1` with `openssl req
 * -x509`, in a new temporary directory (or `dir`). Clients trust it by adding `cert` to their CA
 * list (`ca` option, `https.globalAgent.options.ca`, or `NODE_EXTRA_CA_CERTS=certPath`); nothing
 * disables verification.
 *
 * @example
 * const { cert, key, certPath } = await makeTestCertificate();
 */
export async function makeTestCertificate(dir?: string): Promise<TestCertificate> {
  const where = dir ?? (await mkdtemp(join(tmpdir(), 'oauth-ro-cert-')));
  const certPath = join(where, 'cert.pem');
  const keyPath = join(where, 'key.pem');
  const args = [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1',
    '-addext', 'basicConstraints=critical,CA:TRUE',
  ];
  try {
    await promisify(execFile)('openssl', args, { timeout: 30_000 });
  } catch (error) {
    throw new Error(`openssl could not make a test certificate (is openssl installed?): ${(error as Error).message}`, { cause: error });
  }
  return { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8'), certPath, keyPath, dir: where };
}
