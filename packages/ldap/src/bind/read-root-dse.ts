import type { Client } from 'ldapts';

/**
 * Reads the root DSE without attributes: the cheapest round trip every LDAP server answers, even
 * anonymously. Used as the health check of long-idle pooled connections.
 *
 * @example
 * await readRootDse(client); // throws if the connection is dead
 */
export async function readRootDse(client: Client): Promise<void> {
  await client.search('', { scope: 'base', filter: '(objectClass=*)', attributes: ['1.1'] });
}
