import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { isSafeServiceUrl } from '../options/parse-waad-options.js';
import { fetchJson } from '../protocol/fetch-json.js';

/** What the tenant's OIDC discovery says an id_token must match. */
export interface TenantTrust {
  /** May hold `{tenantid}` (multi-tenant authorities such as `organizations`). */
  readonly issuer: string;
  /** The tenant's signing keys: cached, refetched on an unknown `kid` at most once per cooldown. */
  readonly keys: JWTVerifyGetKey;
}

/** Tuning of {@link createTenantTrustCache}. */
export interface TenantTrustTuning {
  readonly timeoutMs: number;
  /** How long a discovery document is reused before it is fetched again. */
  readonly discoveryMaxAgeMs: number;
  /** Minimum time between two JWKS fetches triggered by an unknown `kid`. */
  readonly jwksCooldownMs: number;
  /** How long a JWKS is reused before it is fetched again. */
  readonly jwksMaxAgeMs: number;
  readonly now: () => number;
}

/** Discovery documents by URL, with their JWKS fetchers. */
export interface TenantTrustCache {
  get(discoveryUrl: string): Promise<{ ok: true; trust: TenantTrust } | { ok: false; reason: string }>;
}

function safeUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value.replace('{tenantid}', 'tenantid'));
    return isSafeServiceUrl(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Finds a tenant's issuer and JWKS through OIDC discovery, once per `discoveryMaxAgeMs`; concurrent
 * logins share one fetch, and a failed refresh keeps serving the last good document.
 *
 * @example
 * const cache = createTenantTrustCache({ timeoutMs: 10_000, discoveryMaxAgeMs: 86_400_000, jwksCooldownMs: 30_000, jwksMaxAgeMs: 600_000, now: Date.now });
 * const found = await cache.get(options.discoveryUrl);
 */
export function createTenantTrustCache(tuning: TenantTrustTuning): TenantTrustCache {
  const entries = new Map<string, { at: number; trust: TenantTrust; jwksUri: string }>();
  const pending = new Map<string, Promise<{ ok: true; trust: TenantTrust } | { ok: false; reason: string }>>();

  async function load(discoveryUrl: string): Promise<{ ok: true; trust: TenantTrust } | { ok: false; reason: string }> {
    const reply = await fetchJson(discoveryUrl, { method: 'GET', headers: { accept: 'application/json' } }, tuning.timeoutMs);
    if (reply.kind === 'unreachable') return { ok: false, reason: `discovery: ${reply.reason}` };
    if (reply.status !== 200) return { ok: false, reason: `discovery: HTTP ${reply.status}` };
    const doc = reply.body as Record<string, unknown> | null;
    const issuer = doc && typeof doc === 'object' ? doc.issuer : undefined;
    const jwksUrl = doc && typeof doc === 'object' ? safeUrl(doc.jwks_uri) : undefined;
    if (typeof issuer !== 'string' || !safeUrl(issuer) || !jwksUrl) {
      return { ok: false, reason: 'discovery: the document lacks a usable issuer or jwks_uri' };
    }
    const previous = entries.get(discoveryUrl);
    const keys =
      previous && previous.jwksUri === jwksUrl.href
        ? previous.trust.keys
        : createRemoteJWKSet(jwksUrl, {
            timeoutDuration: tuning.timeoutMs,
            cooldownDuration: tuning.jwksCooldownMs,
            cacheMaxAge: tuning.jwksMaxAgeMs,
          });
    const trust: TenantTrust = { issuer, keys };
    entries.set(discoveryUrl, { at: tuning.now(), trust, jwksUri: jwksUrl.href });
    return { ok: true, trust };
  }

  return {
    async get(discoveryUrl) {
      const cached = entries.get(discoveryUrl);
      if (cached && tuning.now() - cached.at < tuning.discoveryMaxAgeMs) return { ok: true, trust: cached.trust };
      let inFlight = pending.get(discoveryUrl);
      if (!inFlight) {
        inFlight = load(discoveryUrl).finally(() => pending.delete(discoveryUrl));
        pending.set(discoveryUrl, inFlight);
      }
      const loaded = await inFlight;
      // Stale beats nothing: a discovery hiccup must not fail logins the cached keys can still verify.
      if (!loaded.ok && cached) return { ok: true, trust: cached.trust };
      return loaded;
    },
  };
}
