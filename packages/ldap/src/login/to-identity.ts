import { err, ok, type DirectoryIdentity, type OAuthError, type Result } from '@oauth-ro/core/ports';
import type { Client, Entry } from 'ldapts';
import type { ConnectionState } from '../directory/connection-state.js';
import { unavailable } from '../errors/unavailable.js';
import { mapProfile } from '../profile/map-profile.js';
import { findNestedGroups } from './find-nested-groups.js';

/**
 * The identity of a user whose password the directory accepted: nested groups when configured,
 * then the profile. An entry without an id attribute is a configuration problem (503, logged).
 *
 * @example
 * return toIdentity(state, entry);
 */
export async function toIdentity(state: ConnectionState, entry: Entry, client?: Client): Promise<Result<DirectoryIdentity, OAuthError>> {
  let groups: string[] | undefined;
  if (state.options.nestedGroups) {
    const nested = await findNestedGroups(state, entry.dn, client);
    if (!nested.ok) return nested;
    groups = nested.value;
  }
  const identity = mapProfile(entry, state.options.attributes, groups);
  if (!identity) {
    state.logger?.error(
      { event: 'ldap_no_user_id', connection: state.name, attributes: state.options.attributes.id },
      'the user entry has none of the id attributes (ldap_attribute_map.id)',
    );
    return err(unavailable(state.name, 'the user entry has no id attribute'));
  }
  return ok(identity);
}
