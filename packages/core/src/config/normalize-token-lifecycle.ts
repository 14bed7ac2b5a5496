import { ConfigurationError } from '../errors/oauth-error.js';
import type { ClientConfig, RefreshTokenPolicy, TokenEndpointAuthMethod } from './types.js';

/** The policy of a client without a `refresh_token` object. */
export const DEFAULT_REFRESH_TOKEN_POLICY: RefreshTokenPolicy = {
  rotation_type: 'non-rotating',
  expiration_type: 'non-expiring',
  leeway: 10,
  token_lifetime: 2_592_000,
  idle_token_lifetime: 1_296_000,
  infinite_idle_token_lifetime: true,
};

/** Auth0's default idle lifetime: 15 days. */
const DEFAULT_IDLE_TOKEN_LIFETIME = 1_296_000;

const AUTH_METHODS: readonly TokenEndpointAuthMethod[] = ['none', 'client_secret_post', 'client_secret_basic'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function seconds(value: unknown, fallback: number, path: string, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ConfigurationError(path, `must be an integer of at least ${min}`);
  }
  return value;
}

/**
 * Validates a client's `refresh_token` and `token_endpoint_auth_method` (Auth0 Management API
 * shapes) into the fields to add to its {@link ClientConfig}; unknown fields of a tenant export
 * (`policies`, …) are ignored. The idle lifetime is infinite for `non-expiring` unless
 * `infinite_idle_token_lifetime: false`; an explicit `idle_token_lifetime` above an expiring
 * `token_lifetime` is refused, the 15-day default is capped at it. Throws
 * {@link ConfigurationError} naming the path.
 *
 * @example
 * normalizeTokenLifecycle({ refresh_token: { rotation_type: 'rotating', leeway: 10 } }, 'clients[0]');
 * // { refresh_token: { rotation_type: 'rotating', expiration_type: 'expiring', leeway: 10, token_lifetime: 2592000,
 * //   idle_token_lifetime: 1296000, infinite_idle_token_lifetime: false } }
 */
export function normalizeTokenLifecycle(
  raw: Readonly<Record<string, unknown>>,
  path: string,
): Pick<ClientConfig, 'refresh_token' | 'token_endpoint_auth_method'> {
  const out: { refresh_token?: RefreshTokenPolicy; token_endpoint_auth_method?: TokenEndpointAuthMethod } = {};
  const method = raw.token_endpoint_auth_method;
  if (method !== undefined && method !== null) {
    if (!AUTH_METHODS.includes(method as TokenEndpointAuthMethod)) {
      throw new ConfigurationError(`${path}.token_endpoint_auth_method`, `must be one of ${AUTH_METHODS.join(', ')}`);
    }
    if (method !== 'none' && raw.client_secret === undefined) {
      throw new ConfigurationError(`${path}.client_secret`, `is required when token_endpoint_auth_method is ${method as string}`);
    }
    out.token_endpoint_auth_method = method as TokenEndpointAuthMethod;
  }
  const rt = raw.refresh_token;
  if (rt === undefined || rt === null) return out;
  const at = `${path}.refresh_token`;
  if (!isRecord(rt)) throw new ConfigurationError(at, 'must be an object');
  const rotation = rt.rotation_type ?? DEFAULT_REFRESH_TOKEN_POLICY.rotation_type;
  if (rotation !== 'rotating' && rotation !== 'non-rotating') {
    throw new ConfigurationError(`${at}.rotation_type`, 'must be rotating or non-rotating');
  }
  const expiration = rt.expiration_type ?? (rt.infinite_token_lifetime === true ? 'non-expiring' : rotation === 'rotating' ? 'expiring' : 'non-expiring');
  if (expiration !== 'expiring' && expiration !== 'non-expiring') {
    throw new ConfigurationError(`${at}.expiration_type`, 'must be expiring or non-expiring');
  }
  const token_lifetime = seconds(rt.token_lifetime, DEFAULT_REFRESH_TOKEN_POLICY.token_lifetime, `${at}.token_lifetime`, 1);
  const infinite = rt.infinite_idle_token_lifetime ?? expiration === 'non-expiring';
  if (typeof infinite !== 'boolean') throw new ConfigurationError(`${at}.infinite_idle_token_lifetime`, 'must be a boolean');
  const capped = expiration === 'expiring' ? Math.min(DEFAULT_IDLE_TOKEN_LIFETIME, token_lifetime) : DEFAULT_IDLE_TOKEN_LIFETIME;
  const idle = seconds(rt.idle_token_lifetime ?? undefined, capped, `${at}.idle_token_lifetime`, 1);
  if (!infinite && expiration === 'expiring' && idle > token_lifetime) {
    throw new ConfigurationError(`${at}.idle_token_lifetime`, `must not exceed token_lifetime (${token_lifetime})`);
  }
  out.refresh_token = {
    rotation_type: rotation,
    expiration_type: expiration,
    leeway: seconds(rt.leeway, DEFAULT_REFRESH_TOKEN_POLICY.leeway, `${at}.leeway`, 0),
    token_lifetime,
    idle_token_lifetime: idle,
    infinite_idle_token_lifetime: infinite,
  };
  return out;
}
