import type { EntryValues } from './entry-values.js';

/**
 * Formats AD's binary objectGUID (16 bytes, the first three fields little-endian) as the usual
 * `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` text, the way Windows shows it.
 *
 * @example
 * formatGuid(Buffer.from('vMR/2NQYCEuCjT+ssx0TTQ==', 'base64')); // 'd87fc4bc-18d4-4b08-828d-3facb31d134d'
 */
export function formatGuid(bytes: Buffer): string {
  const hex = (from: number, to: number, reverse: boolean) => {
    const part = Buffer.from(bytes.subarray(from, to));
    return (reverse ? part.reverse() : part).toString('hex');
  };
  return `${hex(0, 4, true)}-${hex(4, 6, true)}-${hex(6, 8, true)}-${hex(8, 10, false)}-${hex(10, 16, false)}`;
}

/**
 * The user's stable id from the first of `names` the entry has: a 16-byte binary value is a GUID,
 * anything else is taken as text (entryUUID, nsUniqueId, …).
 *
 * @example
 * stableId(values, ['objectGUID', 'entryUUID']); // 'd87fc4bc-18d4-4b08-828d-3facb31d134d'
 */
export function stableId(values: EntryValues, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = values.get(name.toLowerCase())?.[0];
    if (value === undefined) continue;
    if (Buffer.isBuffer(value)) {
      if (value.length === 16) return formatGuid(value);
      if (value.length > 0) return value.toString('utf8');
    } else if (value.length > 0) {
      return value;
    }
  }
  return undefined;
}
