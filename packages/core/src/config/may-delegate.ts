import type { ClientConfig } from './types.js';

/**
 * Whether `from` may obtain a token for `target` at `/delegation`: always for itself, otherwise only
 * when `target.allowed_clients` lists it. An empty list allows no other client (not Auth0's "all").
 *
 * @example mayDelegate(mobile, api); // true when api.allowed_clients includes mobile.client_id
 */
export function mayDelegate(from: ClientConfig, target: ClientConfig): boolean {
  return from.client_id === target.client_id || (target.allowed_clients ?? []).includes(from.client_id);
}
