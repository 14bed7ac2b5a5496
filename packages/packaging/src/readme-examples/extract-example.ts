/** The info string that marks a README's runnable example: a fenced block written ```ts example. */
export const EXAMPLE_FENCE = /^```ts example[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;

/**
 * The runnable example of a README: the one fenced block whose info string is `ts example`.
 * Throws when there is none, or more than one, so a README cannot silently lose its example.
 *
 * @example
 * extractExample('# pkg\n```ts example\nconsole.log(1);\n```\n'); // 'console.log(1);\n'
 */
export function extractExample(markdown: string): string {
  const blocks = [...markdown.matchAll(EXAMPLE_FENCE)].map((match) => match[1] ?? '');
  if (blocks.length !== 1) throw new Error(`expected exactly one \`\`\`ts example block, found ${blocks.length}`);
  return blocks[0]!;
}
