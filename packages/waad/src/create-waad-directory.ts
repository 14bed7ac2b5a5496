import {
  err,
  ok,
  oauthError,
  systemClock,
  type Clock,
  type ConnectionConfig,
  type Directory,
  type DirectoryIdentity,
  type DirectoryLogin,
  type Logger,
  type OAuthError,
  type Result,
} from '@oauth-ro/core/ports';
import { claimsToIdentity } from './map/claims-to-identity.js';
import { aadstsCode, mapAadError } from './map/map-aad-error.js';
import { parseWaadOptions, type WaadOptions } from './options/parse-waad-options.js';
import { requestToken } from './protocol/request-token.js';
import { createTenantTrustCache } from './verify/tenant-trust.js';
import { verifyIdToken } from './verify/verify-id-token.js';

/** Tuning of {@link createWaadDirectory}; every field has a production default. */
export interface WaadDirectoryOptions {
  /** Per HTTP call to Entra ID (token, discovery, JWKS). Default 10 000. */
  readonly timeoutMs?: number;
  /** Default 24 h. */
  readonly discoveryMaxAgeMs?: number;
  /** Minimum time between JWKS refetches on an unknown `kid`. Default 30 000. */
  readonly jwksCooldownMs?: number;
  /** Default 10 min. */
  readonly jwksMaxAgeMs?: number;
  /** Allowed clock difference with Entra ID for `exp`/`nbf`/`iat`, 0–300. Default 60. */
  readonly clockToleranceSeconds?: number;
  readonly clock?: Clock;
  /** Receives refusals and outages (codes and trace ids; never credentials or tokens). */
  readonly logger?: Logger;
}

/** The `waad` directory, plus eager validation for servers that check configuration at start. */
export interface WaadDirectory extends Directory {
  /** Validates a connection's options now; throws `ConfigurationError` naming `{path}.options.<key>`. */
  validate(connection: ConnectionConfig, path?: string): void;
}

function bounded(value: number | undefined, fallback: number, min: number, max: number, name: string): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < min || v > max) throw new RangeError(`createWaadDirectory: ${name} must be from ${min} to ${max}`);
  return v;
}

/**
 * The `waad` strategy (Azure AD / Entra ID): a resource-owner password grant against the tenant,
 * whose id_token is verified against the tenant's JWKS before its claims are trusted.
 *
 * @example
 * const waad = createWaadDirectory();
 * const oauthRo = await createOAuthRo({ config, deps: { ...deps, directories: { waad } } });
 */
export function createWaadDirectory(options: WaadDirectoryOptions = {}): WaadDirectory {
  const timeoutMs = bounded(options.timeoutMs, 10_000, 1, 120_000, 'timeoutMs');
  const clockToleranceSeconds = bounded(options.clockToleranceSeconds, 60, 0, 300, 'clockToleranceSeconds');
  const clock = options.clock ?? systemClock;
  const logger = options.logger;
  const trustCache = createTenantTrustCache({
    timeoutMs,
    discoveryMaxAgeMs: bounded(options.discoveryMaxAgeMs, 86_400_000, 0, 7 * 86_400_000, 'discoveryMaxAgeMs'),
    jwksCooldownMs: bounded(options.jwksCooldownMs, 30_000, 0, 86_400_000, 'jwksCooldownMs'),
    jwksMaxAgeMs: bounded(options.jwksMaxAgeMs, 600_000, 0, 86_400_000, 'jwksMaxAgeMs'),
    now: () => clock.now(),
  });
  const parsed = new WeakMap<ConnectionConfig, WaadOptions>();

  function optionsOf(connection: ConnectionConfig, path = `connections[${connection.name}]`): WaadOptions {
    let found = parsed.get(connection);
    if (!found) {
      found = parseWaadOptions(connection, path);
      parsed.set(connection, found);
    }
    return found;
  }

  function unavailable(connection: string, reason: string, retryAfter?: number): OAuthError {
    logger?.warn({ strategy: 'waad', connection, reason }, 'Azure AD unavailable');
    return oauthError('temporarily_unavailable', `the Azure AD tenant of connection ${connection} is unreachable`, retryAfter);
  }

  async function authenticate(login: DirectoryLogin): Promise<Result<DirectoryIdentity, OAuthError>> {
    const name = login.connection.name;
    const waad = optionsOf(login.connection);
    // Discovery runs alongside the password grant so a cold cache costs no extra round trip.
    const trustPromise = trustCache.get(waad.discoveryUrl);
    const reply = await requestToken(waad, login.username, login.password, timeoutMs);
    if (reply.kind === 'unavailable') return err(unavailable(name, `token endpoint: ${reply.reason}`, reply.retryAfter));
    if (reply.kind === 'refused') {
      const { trace_id, correlation_id } = reply.body;
      logger?.info({ strategy: 'waad', connection: name, aadsts: aadstsCode(reply.body), error: reply.body.error, trace_id, correlation_id }, 'Azure AD refused the login');
      return err(mapAadError(reply.body, name));
    }
    const trust = await trustPromise;
    if (!trust.ok) return err(unavailable(name, trust.reason));
    const checked = await verifyIdToken(reply.idToken, trust.trust, {
      clientId: waad.clientId,
      now: clock.now(),
      clockToleranceSeconds,
    });
    if (!checked.ok) {
      if (checked.error.kind === 'unavailable') return err(unavailable(name, `jwks: ${checked.error.reason}`));
      logger?.warn({ strategy: 'waad', connection: name, reason: checked.error.reason }, 'Azure AD id_token rejected');
      return err(oauthError('unauthorized', `the id_token from the Azure AD tenant of connection ${name} was rejected: ${checked.error.reason}`));
    }
    const identity = claimsToIdentity(checked.claims);
    if (!identity) {
      return err(oauthError('unauthorized', `the id_token from the Azure AD tenant of connection ${name} has no oid claim`));
    }
    return ok(identity);
  }

  return {
    authenticate,
    validate(connection, path) {
      optionsOf(connection, path);
    },
    async close() {},
  };
}
