// The prototypes of Unicode's confusables.txt (UTS #39, version 13.0.0: 6311 mappings, e.g. Cyrillic
// а → a, 1 → l, m → rn), as the `unhomoglyph` package (MIT, nodeca) ships them; bundled into
// core at build time, so that core needs no file or module resolution at run time.
import prototypes from 'unhomoglyph/data.json';

const PROTOTYPES: Readonly<Record<string, string>> = prototypes;

/**
 * The confusable skeleton of an identifier (Unicode TS #39 §4: NFD, each character replaced by its
 * prototype, NFD again): two identifiers that look alike have the same skeleton (`аlice` with a
 * Cyrillic а and `alice`; `rn` and `m`). Stores index it per connection, so that sign-up refuses an
 * identifier whose skeleton equals an existing user's without scanning.
 *
 * @example identifierSkeleton('\u0430lice@example.com') === identifierSkeleton('alice@example.com'); // true
 */
export function identifierSkeleton(identifier: string): string {
  let out = '';
  for (const char of identifier.normalize('NFD')) out += Object.hasOwn(PROTOTYPES, char) ? PROTOTYPES[char] : char;
  return out.normalize('NFD');
}
