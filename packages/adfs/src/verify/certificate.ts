import { createHash, X509Certificate } from 'node:crypto';

/** A certificate as ADFS sends it (base64 DER), with its PEM and Auth0-style thumbprint. */
export interface SigningCertificate {
  readonly pem: string;
  /** SHA-1 of the DER, lower-case hex: what Auth0's `thumbprints` hold. */
  readonly thumbprint: string;
}

/**
 * Reads the base64 DER of an `X509Certificate` element. Returns undefined unless it is a
 * parseable X.509 certificate.
 *
 * @example readCertificate(x509Element.textContent).thumbprint; // 'a1b2…'
 */
export function readCertificate(base64: string | null | undefined): SigningCertificate | undefined {
  const clean = (base64 ?? '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return undefined;
  const der = Buffer.from(clean, 'base64');
  try {
    new X509Certificate(der);
  } catch {
    return undefined;
  }
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return {
    pem: `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`,
    thumbprint: createHash('sha1').update(der).digest('hex'),
  };
}
