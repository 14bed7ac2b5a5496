import type { Entry } from 'ldapts';

/** An LDAP entry's attributes by lower-cased name, each as a list of strings or buffers. */
export type EntryValues = ReadonlyMap<string, ReadonlyArray<string | Buffer>>;

/**
 * Indexes an ldapts entry by lower-cased attribute name (servers answer in their own case).
 *
 * @example
 * entryValues(entry).get('mail'); // ['jdoe@corp.example.com']
 */
export function entryValues(entry: Entry): EntryValues {
  const values = new Map<string, ReadonlyArray<string | Buffer>>();
  for (const [name, value] of Object.entries(entry)) {
    if (name === 'dn') continue;
    const list = Array.isArray(value) ? value : [value];
    if (list.length > 0) values.set(name.toLowerCase(), list);
  }
  return values;
}

/**
 * The first non-empty string value of the first attribute in `names` that has one.
 *
 * @example
 * firstString(values, ['displayName', 'cn']); // 'John Doe'
 */
export function firstString(values: EntryValues, names: readonly string[]): string | undefined {
  for (const name of names) {
    for (const value of values.get(name.toLowerCase()) ?? []) {
      const text = typeof value === 'string' ? value : value.toString('utf8');
      if (text.length > 0) return text;
    }
  }
  return undefined;
}

/**
 * Every string value of the first attribute in `names` that has any.
 *
 * @example
 * allStrings(values, ['memberOf']); // ['CN=Staff,OU=Groups,DC=corp,DC=example,DC=com', …]
 */
export function allStrings(values: EntryValues, names: readonly string[]): string[] {
  for (const name of names) {
    const list = values.get(name.toLowerCase());
    if (list && list.length > 0) return list.map((v) => (typeof v === 'string' ? v : v.toString('utf8')));
  }
  return [];
}
