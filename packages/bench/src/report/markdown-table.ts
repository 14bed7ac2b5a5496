/**
 * A GitHub-flavoured Markdown table; `|` inside cells is escaped.
 *
 * @example markdownTable(['a', 'b'], [['1', '2']]); // '| a | b |\n|---|---|\n| 1 | 2 |'
 */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** @example fixed(1234.567); // '1,235' ; fixed(0.91234, 2) // '0.91' */
export function fixed(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A ratio with its verdict against a goal, e.g. `0.93 ✅` or `0.71 ❌ (goal ≥ 0.8)`. */
export function verdict(ratio: number, goal: number, digits = 2): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  return ratio >= goal ? `**${fixed(ratio, digits)}** ✅` : `**${fixed(ratio, digits)}** ❌`;
}

/**
 * A range of ratios, lowest–highest, to two decimals.
 *
 * @example range([0.84, 0.97]); // '0.84–0.97'
 */
export function range([low, high]: readonly [number, number]): string {
  return `${fixed(low, 2)}–${fixed(high, 2)}`;
}
