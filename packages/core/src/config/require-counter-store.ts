import { ConfigurationError } from '../errors/oauth-error.js';
import type { CoreDeps } from '../ports/deps.js';
import { bruteForceSettings } from '../protection/brute-force-settings.js';
import type { OAuthRoConfig } from './types.js';

/** Strategies whose password logins brute-force protection counts. */
const COUNTED_STRATEGIES: ReadonlySet<string> = new Set(['auth0', 'ad', 'waad', 'adfs']);

/**
 * Refuses a configuration that asks for brute-force protection (Auth0's default: on unless
 * `brute_force_protection: false`) on a password connection while no counter store is given:
 * without one, the protection would silently be off.
 *
 * @example requireCounterStore(config, deps); // throws ConfigurationError at connections[0].options.brute_force_protection
 */
export function requireCounterStore(config: OAuthRoConfig, deps: Pick<CoreDeps, 'counters'>): void {
  if (deps.counters) return;
  const index = config.connections.findIndex((c) => COUNTED_STRATEGIES.has(c.strategy) && bruteForceSettings(c).enabled);
  if (index === -1) return;
  throw new ConfigurationError(
    `connections[${index}].options.brute_force_protection`,
    `connection "${config.connections[index]!.name}" asks for brute-force protection, which needs a counter store (deps.counters); pass one, or set brute_force_protection: false`,
  );
}
