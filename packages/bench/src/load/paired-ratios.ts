/**
 * The median of per-round ratios and their range (lowest, highest).
 *
 * @example pairedRatios([0.9, 1.1, 1.0]); // { median: 1.0, range: [0.9, 1.1] }
 */
export function pairedRatios(ratios: readonly number[]): { median: number; range: readonly [number, number] } {
  const sorted = ratios.filter(Number.isFinite).sort((x, y) => x - y);
  if (sorted.length === 0) return { median: NaN, range: [NaN, NaN] };
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, range: [sorted[0]!, sorted[sorted.length - 1]!] };
}

/** @example mean([1, 2, 3]); // 2 */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
