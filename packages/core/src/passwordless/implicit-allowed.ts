import type { ClientConfig } from '../config/types.js';

/**
 * Whether a client may receive tokens in a redirect's fragment (a passwordless link): a client with
 * a `grant_types` list must name `implicit` in it, as Auth0 required; one without the list may.
 *
 * @example implicitAllowed({ …client, grant_types: ['password'] }); // false
 */
export function implicitAllowed(client: ClientConfig): boolean {
  return client.grant_types === undefined || client.grant_types.includes('implicit');
}
