import type { DirectoryIdentity, UserProfile } from '@oauth-ro/core/ports';
import type { Entry } from 'ldapts';
import type { AttributeMap } from '../options/types.js';
import { allStrings, entryValues, firstString } from './entry-values.js';
import { stableId } from './format-id.js';
import { rdnValue } from './rdn-value.js';

/**
 * Every attribute a login reads, for the search request (ids and groups included).
 *
 * @example
 * requestedAttributes(DEFAULT_ATTRIBUTES); // ['objectGUID', 'entryUUID', 'mail', …]
 */
export function requestedAttributes(map: AttributeMap): string[] {
  const all = [
    ...map.id, ...map.email, ...map.name, ...map.given_name, ...map.family_name, ...map.nickname,
    ...map.upn, ...map.username, ...map.groups, ...Object.values(map.extra),
  ];
  return [...new Set(all)];
}

/**
 * Turns the user's entry into the identity core stores: `id` from objectGUID/entryUUID, Auth0's AD
 * profile fields (`email`, `name`, `given_name`, `family_name`, `nickname`, `upn`, `groups`) and any
 * extra mapped fields. `groups` are names: the first RDN of each `memberOf` value, or the names that
 * a nested-group search found. Returns undefined when the entry has no id attribute.
 *
 * @example
 * mapProfile(entry, DEFAULT_ATTRIBUTES); // { id: 'd87f…', email: 'jdoe@…', username: 'jdoe', profile: {…} }
 */
export function mapProfile(entry: Entry, map: AttributeMap, nestedGroups?: readonly string[]): DirectoryIdentity | undefined {
  const values = entryValues(entry);
  const id = stableId(values, map.id);
  if (id === undefined) return undefined;
  const email = firstString(values, map.email);
  const username = firstString(values, map.username);
  const groups = nestedGroups ?? allStrings(values, map.groups).map(rdnValue).filter((g) => g.length > 0);
  const fields: Record<string, unknown> = {
    name: firstString(values, map.name),
    given_name: firstString(values, map.given_name),
    family_name: firstString(values, map.family_name),
    nickname: firstString(values, map.nickname),
    upn: firstString(values, map.upn),
    email,
    groups: [...new Set(groups)].sort(),
    dn: entry.dn,
  };
  for (const [field, attribute] of Object.entries(map.extra)) {
    const list = allStrings(values, [attribute]);
    fields[field] = list.length > 1 ? list : list[0];
  }
  const profile = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as UserProfile;
  return { id, ...(email === undefined ? {} : { email }), ...(username === undefined ? {} : { username }), profile };
}
