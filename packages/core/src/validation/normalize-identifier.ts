/**
 * Normalises a login identifier (email or username) so that lookups and uniqueness do not depend
 * on Unicode composition, letter case or stray whitespace.
 *
 * @example normalizeIdentifier(' Alice@Example.COM '); // 'alice@example.com'
 */
export function normalizeIdentifier(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

/** A deliberately loose email check: one `@`, something on each side, a dot in the domain. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 254;
}
