import fc from 'fast-check';

/** Characters no identifier may hold: format (Cf), bidi controls, invisible fillers. */
export const FORMAT_CHARACTERS = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u200E', '\u202A', '\u202E', '\u2060', '\u2066', '\u2069', '\uFEFF', '\u3164', '\u115F', '\uFE0F'];

/** Characters NFKC turns into many: U+FDFA (18), U+FDFB (8), U+3300 (4), ligatures, fractions. */
export const NFKC_EXPANDING = ['\uFDFA', '\uFDFB', '\u3300', '\u3317', '\uFB03', '\u2153', '\u2474', '\u33FF'];

const plain = fc.string({ maxLength: 12 });
/** `text` with `inserted` placed at a generated position. */
const withInserted = (inserted: fc.Arbitrary<string>) =>
  fc.tuple(plain, inserted, plain).map(([a, b, c]) => `${a}${b}${c}`);

/** Text holding a NUL. */
export const nulText = withInserted(fc.constant('\u0000'));
/** Text holding a C0 control character other than tab, CR and LF (NUL included). */
export const controlText = withInserted(
  fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 9 && c !== 10 && c !== 13).map((c) => String.fromCharCode(c)),
);
/** Text holding a lone UTF-16 surrogate (high or low). */
export const loneSurrogateText = withInserted(fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))).filter((s) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s),
);
/** Text holding a format or invisible character. */
export const formatText = withInserted(fc.constantFrom(...FORMAT_CHARACTERS));
/** Text that NFKC makes up to 18 times longer: from a few to thousands of expanding characters. */
export const nfkcExpandingText = fc
  .tuple(fc.constantFrom(...NFKC_EXPANDING), fc.integer({ min: 1, max: 2040 }), plain)
  .map(([c, n, rest]) => `${c.repeat(n)}${rest}`);

/**
 * Generated hostile text for identifiers and free text: NUL, control characters, lone surrogates,
 * format characters and NFKC-expanding text.
 *
 * @example fc.assert(fc.property(hostileText, (t) => ...));
 */
export const hostileText: fc.Arbitrary<string> = fc.oneof(nulText, controlText, loneSurrogateText, formatText, nfkcExpandingText);
