import { ConfigurationError } from '../errors/oauth-error.js';
import { AUTH0_ONLY_CONFIG_KEYS, KNOWN_CONFIG_KEYS } from './known-config-keys.js';

type Section = keyof typeof KNOWN_CONFIG_KEYS;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps), for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function suggestion(key: string, section: Section): string {
  const candidates = [...KNOWN_CONFIG_KEYS[section], ...AUTH0_ONLY_CONFIG_KEYS[section]];
  const lower = key.toLowerCase();
  const best = candidates
    .map((candidate) => ({ candidate, score: distance(lower, candidate.toLowerCase()) }))
    .filter(({ candidate, score }) => score <= Math.max(2, Math.floor(candidate.length / 3)))
    .sort((x, y) => x.score - y.score)[0];
  return best ? `; did you mean "${best.candidate}"?` : '';
}

function checkSection(value: unknown, section: Section, path: string, warnings: string[]): void {
  if (!isRecord(value)) return;
  const known: readonly string[] = KNOWN_CONFIG_KEYS[section];
  const auth0: readonly string[] = AUTH0_ONLY_CONFIG_KEYS[section];
  for (const key of Object.keys(value)) {
    const where = path === '' ? key : `${path}.${key}`;
    if (known.includes(key)) continue;
    if (auth0.includes(key)) {
      warnings.push(`${where}: Auth0 setting that oauth-ro does not support; it is ignored`);
      continue;
    }
    throw new ConfigurationError(where, `unknown key${suggestion(key, section)}`);
  }
}

/**
 * Checks every key of a raw configuration against {@link KNOWN_CONFIG_KEYS}: an unknown key throws a
 * `ConfigurationError` naming it, with a suggestion (`enabeld_clients` → did you mean
 * `enabled_clients`?); a key Auth0 knows but oauth-ro does not support is returned as a warning.
 *
 * @example
 * checkConfigKeys({ issuer: 'https://a.example/', clients: [{ client_id: 'app', oidc_conformant: true }], connections: [] });
 * // ['clients[0].oidc_conformant: Auth0 setting that oauth-ro does not support; it is ignored']
 */
export function checkConfigKeys(raw: unknown): string[] {
  const warnings: string[] = [];
  if (!isRecord(raw)) return warnings;
  checkSection(raw, 'root', '', warnings);
  if (Array.isArray(raw.clients)) {
    raw.clients.forEach((client, i) => {
      checkSection(client, 'client', `clients[${i}]`, warnings);
      if (isRecord(client)) {
        checkSection(client.jwt_configuration, 'jwt_configuration', `clients[${i}].jwt_configuration`, warnings);
        checkSection(client.refresh_token, 'refresh_token', `clients[${i}].refresh_token`, warnings);
      }
    });
  }
  if (Array.isArray(raw.connections)) raw.connections.forEach((connection, i) => checkSection(connection, 'connection', `connections[${i}]`, warnings));
  return warnings;
}
