import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** An RSA token-signing certificate like the one ADFS creates, for the fakes. */
export interface SigningCertificate {
  /** PEM certificate. */
  readonly cert: string;
  /** PEM PKCS#8 private key. */
  readonly key: string;
  /** Base64 DER, as `X509Certificate` elements carry it. */
  readonly base64: string;
  /** SHA-1 of the DER, lower-case hex: Auth0's `thumbprints` format. */
  readonly thumbprint: string;
}

/**
 * Makes a self-signed RSA-2048 certificate with `openssl req -x509` (valid one day), in a
 * temporary directory that is removed again.
 *
 * @example
 * const signing = await makeSigningCertificate('ADFS Signing - adfs.fabrikam.test');
 */
export async function makeSigningCertificate(commonName: string): Promise<SigningCertificate> {
  const dir = await mkdtemp(join(tmpdir(), 'oauth-ro-signing-'));
  try {
    const certPath = join(dir, 'cert.pem');
    const keyPath = join(dir, 'key.pem');
    const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '1', '-keyout', keyPath, '-out', certPath, '-subj', `/CN=${commonName}`];
    try {
      await promisify(execFile)('openssl', args, { timeout: 30_000 });
    } catch (error) {
      throw new Error(`openssl could not make a signing certificate (is openssl installed?): ${(error as Error).message}`, { cause: error });
    }
    const cert = await readFile(certPath, 'utf8');
    const der = new X509Certificate(cert).raw;
    return {
      cert,
      key: await readFile(keyPath, 'utf8'),
      base64: der.toString('base64'),
      thumbprint: createHash('sha1').update(der).digest('hex'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
