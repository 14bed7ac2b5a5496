import { err, ok, type OAuthError, type Result } from '@oauth-ro/core/ports';
import type { Client } from 'ldapts';
import { unavailable } from '../errors/unavailable.js';
import { escapeFilterValue } from '../filter/escape-filter.js';
import type { ConnectionState } from '../directory/connection-state.js';
import { logFailure } from '../directory/log-failure.js';
import { entryValues, firstString } from '../profile/entry-values.js';
import { rdnValue } from '../profile/rdn-value.js';

/** AD's LDAP_MATCHING_RULE_IN_CHAIN: `member` followed transitively. */
const IN_CHAIN = '1.2.840.113556.1.4.1941';

/**
 * The names of every group the user belongs to, directly or through other groups, with one
 * search using AD's matching rule in chain.
 *
 * @example
 * await findNestedGroups(state, 'CN=jdoe,CN=Users,DC=corp,DC=example,DC=com'); // ok(['Engineering', 'Staff'])
 */
export async function findNestedGroups(state: ConnectionState, dn: string, client?: Client): Promise<Result<string[], OAuthError>> {
  const search = (c: Client) =>
    c.search(state.options.base, {
      scope: 'sub',
      filter: `(&(objectClass=group)(member:${IN_CHAIN}:=${escapeFilterValue(dn)}))`,
      attributes: ['cn'],
      paged: { pageSize: 500 },
    });
  try {
    const { searchEntries } = client ? await search(client) : await state.search.use(search, true);
    return ok(searchEntries.map((entry) => firstString(entryValues(entry), ['cn']) ?? rdnValue(entry.dn)));
  } catch (error) {
    logFailure(state, 'nested-groups', error);
    return err(unavailable(state.name));
  }
}
