import { err, ok, type OAuthError, type Result } from '@oauth-ro/core/ports';
import type { Client, Entry } from 'ldapts';
import { unavailable } from '../errors/unavailable.js';
import { userFilter } from '../filter/escape-filter.js';
import type { ConnectionState } from '../directory/connection-state.js';
import { logFailure } from '../directory/log-failure.js';

/**
 * Searches `ldap_base` for the login name with `ldap_user_by_name` (value escaped per RFC 4515).
 * Returns the entry when exactly one matches, undefined when none or several do (an ambiguous name
 * never picks one). `client` searches on that connection (direct mode, as the bound user);
 * otherwise the service account's pool does.
 *
 * @example
 * const found = await findUser(state, 'jdoe'); // ok(entry) | ok(undefined) | err(503)
 */
export async function findUser(state: ConnectionState, name: string, client?: Client): Promise<Result<Entry | undefined, OAuthError>> {
  const { options } = state;
  const search = (c: Client) =>
    c.search(options.base, {
      scope: 'sub',
      filter: userFilter(options.userFilter, name),
      attributes: state.attributes,
      sizeLimit: 2,
      explicitBufferAttributes: state.binaryAttributes,
    });
  try {
    const { searchEntries } = client ? await search(client) : await state.search.use(search, true);
    if (searchEntries.length > 1) {
      state.logger?.warn({ event: 'ldap_ambiguous_user', connection: state.name }, 'several directory entries match one login name');
    }
    return ok(searchEntries.length === 1 ? searchEntries[0] : undefined);
  } catch (error) {
    logFailure(state, 'search', error);
    return err(unavailable(state.name));
  }
}
