/**
 * True for SQLite's uniqueness errors (primary key or unique index), which stores turn into an
 * `exists` answer; other constraint errors (NOT NULL, CHECK) are bugs and stay errors.
 *
 * @example if (isUniqueViolation(error)) return { created: false, reason: 'exists' };
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
