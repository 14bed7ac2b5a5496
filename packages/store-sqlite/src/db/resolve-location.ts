/** Where the database lives: a file, or a private in-memory database. */
export type SqliteLocation = { readonly kind: 'memory' } | { readonly kind: 'file'; readonly path: string };

/**
 * Reads `OAUTH_RO_DATABASE`-style locations: a plain path, `sqlite:<path>`, `sqlite://<path>`, or
 * `:memory:` (also `sqlite::memory:`). Relative paths stay relative to the working directory.
 *
 * @example resolveLocation('sqlite:./data/oauth-ro.db'); // { kind: 'file', path: './data/oauth-ro.db' }
 */
export function resolveLocation(pathOrUrl: string): SqliteLocation {
  let path = pathOrUrl.startsWith('sqlite:') ? pathOrUrl.slice('sqlite:'.length) : pathOrUrl;
  // `sqlite:///abs/file.db` and `sqlite://./file.db`: drop the empty authority.
  if (path.startsWith('//')) path = path.slice(2);
  if (path === ':memory:') return { kind: 'memory' };
  if (path === '') throw new Error(`SQLite location ${JSON.stringify(pathOrUrl)} names no file`);
  return { kind: 'file', path };
}
