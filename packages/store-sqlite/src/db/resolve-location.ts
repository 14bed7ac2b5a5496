/** Where the database lives: a file, or a private in-memory database. */
export type SqliteLocation = { readonly kind: 'memory' } | { readonly kind: 'file'; readonly path: string };

/**
 * Reads `OAUTH_RO_DATABASE`-style locations: a plain path, `sqlite:<path>`, `sqlite://<path>`, or
 * `:memory:` (also `sqlite::memory:`); the scheme in any case. Relative paths stay relative to the
 * working directory. Another URL scheme (`mysql://…`) is refused, naming the scheme only (a URL may
 * carry a password).
 *
 * @example resolveLocation('sqlite:./data/oauth-ro.db'); // { kind: 'file', path: './data/oauth-ro.db' }
 */
export function resolveLocation(pathOrUrl: string): SqliteLocation {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(pathOrUrl)?.[1];
  if (scheme !== undefined && scheme.toLowerCase() !== 'sqlite') throw new Error(`SQLite location: unsupported scheme "${scheme}"`);
  let path = /^sqlite:/i.test(pathOrUrl) ? pathOrUrl.slice('sqlite:'.length) : pathOrUrl;
  // `sqlite:///abs/file.db` and `sqlite://./file.db`: drop the empty authority.
  if (path.startsWith('//')) path = path.slice(2);
  if (path === ':memory:') return { kind: 'memory' };
  if (path === '') throw new Error(`SQLite location ${JSON.stringify(pathOrUrl)} names no file`);
  return { kind: 'file', path };
}
