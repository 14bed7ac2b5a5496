/**
 * A certificate thumbprint as Auth0 stored them (SHA-1 of the DER, hex) in one canonical form:
 * lower case, without the spaces, colons and invisible marks Windows' certificate dialog copies
 * along. Returns undefined unless 40 hex digits remain.
 *
 * @example normalizeThumbprint('\u200eA1 B2 …'); // 'a1b2…'
 */
export function normalizeThumbprint(raw: string): string | undefined {
  const hex = raw.replace(/[\s:\u200e\u200f\ufeff]/g, '').toLowerCase();
  return /^[0-9a-f]{40}$/.test(hex) ? hex : undefined;
}
