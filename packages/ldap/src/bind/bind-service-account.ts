import type { Client } from 'ldapts';
import type { LdapOptions } from '../options/types.js';

/**
 * Binds a search connection as the service account unless it already is: the `prepare` step of the
 * search pool. A connection only ever carries the service account's identity, never a user's.
 *
 * @example
 * await bindServiceAccount(client, options);
 */
export async function bindServiceAccount(client: Client, options: LdapOptions): Promise<void> {
  if (client.isBound || options.bindUser === undefined) return;
  await client.bind(options.bindUser, options.bindPassword);
}
