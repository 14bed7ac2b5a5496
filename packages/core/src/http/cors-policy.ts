import type { ClientConfig } from '../config/types.js';
import { originMatches, parseOriginPattern, type OriginPattern } from './origin-pattern.js';

/** Which browser origins may read oauth-ro's answers (CORS), built once from the clients. */
export interface CorsPolicy {
  /** Some client lists the origin (preflights, and requests that name no client). */
  anyClientAllows(origin: string): boolean;
  /** This client lists the origin; an unknown client lists none. */
  clientAllows(client_id: string, origin: string): boolean;
}

/** A client's origins: `allowed_origins`, `web_origins` and the http(s) origins of its `callbacks`. */
function clientOrigins(client: ClientConfig): OriginPattern[] {
  const out: OriginPattern[] = [];
  for (const text of [...(client.allowed_origins ?? []), ...(client.web_origins ?? []), ...(client.callbacks ?? [])]) {
    const parsed = parseOriginPattern(text);
    // Callbacks with a custom scheme (mobile apps) have no browser origin.
    if (parsed.ok) out.push(parsed.value);
  }
  return out;
}

/**
 * The CORS policy of a set of clients, as Auth0 granted it: per client, its `allowed_origins`,
 * `web_origins` and the origins of its `callbacks`.
 *
 * @example
 * const policy = prepareCorsPolicy(config.clients);
 * policy.clientAllows('spa', 'https://app.example.com'); // true when the client lists it
 */
export function prepareCorsPolicy(clients: readonly ClientConfig[]): CorsPolicy {
  const byClient = new Map(clients.map((c) => [c.client_id, clientOrigins(c)]));
  const all = [...byClient.values()].flat();
  return {
    anyClientAllows: (origin) => all.some((p) => originMatches(p, origin)),
    clientAllows: (client_id, origin) => (byClient.get(client_id) ?? []).some((p) => originMatches(p, origin)),
  };
}
