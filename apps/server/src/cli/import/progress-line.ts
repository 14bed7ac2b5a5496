import type { ImportCounts } from '@oauth-ro/migrate';

/**
 * One progress line of `users import`: records read (of the total when the file was counted first),
 * the rate since the start, and the counts so far.
 *
 * @example
 * progressLine({ imported: 9000, withoutPassword: 0, skipped: 1000, refused: 0 }, 10_000, 250_000, 4);
 * // '… 10000 of 250000 read (4%), 2500 records/s: 9000 imported, 1000 skipped, 0 refused'
 */
export function progressLine(counts: ImportCounts, read: number, total: number | undefined, elapsedSeconds: number): string {
  const of = total === undefined || total === 0 ? '' : ` of ${total} read (${Math.floor((read / total) * 100)}%)`;
  const rate = elapsedSeconds > 0 ? `, ${Math.round(read / elapsedSeconds)} records/s` : '';
  return `… ${read}${of || ' read'}${rate}: ${counts.imported} imported, ${counts.skipped} skipped, ${counts.refused} refused`;
}
