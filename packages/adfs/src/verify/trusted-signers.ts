import type { AdfsOptions } from '../options/parse-adfs-options.js';
import { exchangeXml } from '../protocol/post-xml.js';
import type { SigningCertificate } from './certificate.js';
import { metadataCertificates } from './metadata-certificates.js';

/** Certificates to try a signature with, or why there are none. */
export type SignerChoice =
  | { readonly ok: true; readonly certificates: readonly SigningCertificate[] }
  | { readonly ok: false; readonly kind: 'unknown_key' | 'unavailable'; readonly reason: string };

/** Tuning of {@link createMetadataCache}. */
export interface MetadataTuning {
  readonly timeoutMs: number;
  /** How long fetched metadata is reused. */
  readonly maxAgeMs: number;
  /** Minimum time between two fetches caused by an unknown signing certificate. */
  readonly cooldownMs: number;
  readonly now: () => number;
}

/** Signing certificates from federation metadata, by metadata URL. */
export interface MetadataCache {
  /** `refresh`: fetch again unless the last fetch is younger than the cooldown. */
  get(url: string, refresh: boolean): Promise<{ ok: true; certificates: readonly SigningCertificate[] } | { ok: false; reason: string }>;
}

/**
 * Caches federation metadata: fetched on first use, again after `maxAgeMs`, and early when a
 * signature names a certificate it does not hold (ADFS rolled its key), at most once per
 * `cooldownMs`. A failed fetch keeps the last good certificates.
 *
 * @example const cache = createMetadataCache({ timeoutMs: 10_000, maxAgeMs: 86_400_000, cooldownMs: 60_000, now: Date.now });
 */
export function createMetadataCache(tuning: MetadataTuning): MetadataCache {
  const entries = new Map<string, { at: number; certificates: readonly SigningCertificate[] }>();
  const lastFetch = new Map<string, number>();
  const pending = new Map<string, Promise<{ ok: true; certificates: readonly SigningCertificate[] } | { ok: false; reason: string }>>();

  async function load(url: string) {
    lastFetch.set(url, tuning.now());
    const reply = await exchangeXml(url, { method: 'GET', headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' } }, tuning.timeoutMs);
    if (reply.kind === 'unreachable') return { ok: false as const, reason: `metadata: ${reply.reason}` };
    if (reply.status !== 200) return { ok: false as const, reason: `metadata: HTTP ${reply.status}` };
    const certificates = metadataCertificates(reply.text);
    if (certificates.length === 0) return { ok: false as const, reason: 'metadata: no signing certificate found' };
    entries.set(url, { at: tuning.now(), certificates });
    return { ok: true as const, certificates };
  }

  return {
    async get(url, refresh) {
      const cached = entries.get(url);
      const fresh = cached && tuning.now() - cached.at < tuning.maxAgeMs;
      const cooling = tuning.now() - (lastFetch.get(url) ?? -Infinity) < tuning.cooldownMs;
      if (cached && (refresh ? cooling : fresh)) return { ok: true, certificates: cached.certificates };
      let inFlight = pending.get(url);
      if (!inFlight) {
        inFlight = load(url).finally(() => pending.delete(url));
        pending.set(url, inFlight);
      }
      const loaded = await inFlight;
      if (!loaded.ok && cached) return { ok: true, certificates: cached.certificates };
      return loaded;
    },
  };
}

function matching(trusted: readonly SigningCertificate[], presented: readonly SigningCertificate[]): SigningCertificate[] {
  // A signature without a certificate may still verify against a trusted one: try them all.
  if (presented.length === 0) return [...trusted];
  const wanted = new Set(presented.map((c) => c.thumbprint));
  return trusted.filter((c) => wanted.has(c.thumbprint));
}

/**
 * The certificates a connection trusts for the signature at hand. Pinned `thumbprints` trust only
 * the presented certificates whose SHA-1 is listed; otherwise the metadata's (inline or fetched)
 * signing certificates are used, never the one the response carries on its own say-so.
 *
 * @example const choice = await chooseSigners(options, metadata, presentedCertificates);
 */
export async function chooseSigners(
  options: AdfsOptions,
  metadata: MetadataCache,
  presented: readonly SigningCertificate[],
): Promise<SignerChoice> {
  if (options.thumbprints.size > 0) {
    const pinned = presented.filter((c) => options.thumbprints.has(c.thumbprint));
    if (pinned.length > 0) return { ok: true, certificates: pinned };
    const why = presented.length === 0 ? 'the signature carries no certificate' : 'the signing certificate is not in thumbprints';
    return { ok: false, kind: 'unknown_key', reason: why };
  }
  if (options.inlineCertificates) {
    const found = matching(options.inlineCertificates, presented);
    return found.length > 0 ? { ok: true, certificates: found } : { ok: false, kind: 'unknown_key', reason: 'the signing certificate is not in fedMetadataXml' };
  }
  const url = options.metadataUrl!;
  for (const refresh of [false, true]) {
    const loaded = await metadata.get(url, refresh);
    if (!loaded.ok) return { ok: false, kind: 'unavailable', reason: loaded.reason };
    const found = matching(loaded.certificates, presented);
    if (found.length > 0) return { ok: true, certificates: found };
  }
  return { ok: false, kind: 'unknown_key', reason: 'the signing certificate is not in the federation metadata' };
}
