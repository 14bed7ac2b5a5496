/** A UTF-16 surrogate without its partner: text that has no UTF-8 form (and breaks `encodeURIComponent`). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** C0 controls (NUL included) and DEL, but not tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Whether `text` is well-formed (no lone surrogate) and free of control characters other than
 * tab, line feed and carriage return: what every store can keep as given (PostgreSQL refuses NUL
 * in text and JSON; SQLite ends some comparisons at it).
 *
 * @example isStorableText('Ann\u0000'); // false
 */
export function isStorableText(text: string): boolean {
  return !LONE_SURROGATE.test(text) && !CONTROL.test(text);
}

/** How deep {@link findUnstorableText} looks into nested objects and arrays. */
const MAX_DEPTH = 64;

/**
 * The top-level name under which a parsed request body holds a string (value or key, at any depth)
 * that is not {@link isStorableText}; undefined when all is well. Nesting deeper than 64 levels is
 * reported too, under its top-level name. Iterative, so no body can overflow the stack.
 *
 * @example findUnstorableText({ user_metadata: { a: 'x\u0000' } }); // 'user_metadata'
 */
export function findUnstorableText(body: Readonly<Record<string, unknown>>): string | undefined {
  for (const name of Object.keys(body)) {
    if (!isStorableText(name)) return name.replace(/[^\x20-\x7e]/g, '?').slice(0, 100);
    const stack: { value: unknown; depth: number }[] = [{ value: body[name], depth: 0 }];
    while (stack.length > 0) {
      const { value, depth } = stack.pop()!;
      if (typeof value === 'string') {
        if (!isStorableText(value)) return name;
      } else if (typeof value === 'object' && value !== null) {
        if (depth >= MAX_DEPTH) return name;
        for (const [key, inner] of Object.entries(value)) {
          if (!isStorableText(key)) return name;
          stack.push({ value: inner, depth: depth + 1 });
        }
      }
    }
  }
  return undefined;
}
