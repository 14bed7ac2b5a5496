import { parseDocument } from 'yaml';
import { StartupError } from './startup-error.js';

/** Line and column (1-based) of a character offset, for parse errors. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const where = position ? `${lineColumn(text, Number(position[1]))}: ` : '';
    // V8 appends a JSON excerpt and the position; the first clause says what is wrong.
    const what = message.replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    throw new StartupError(`${file}: ${where}not valid JSON: ${what}`);
  }
}

function parseYaml(text: string, file: string): unknown {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const problem = document.errors[0];
  if (problem) {
    const where = `${lineColumn(text, problem.pos[0])}: `;
    throw new StartupError(`${file}: ${where}not valid YAML: ${problem.message.split('\n')[0]}`);
  }
  return document.toJS({ maxAliasCount: 100 });
}

/**
 * Parses a configuration file's text: JSON for `.json`, YAML for `.yaml`/`.yml`, and by content
 * otherwise (a document starting with `{` is JSON). Syntax errors throw a {@link StartupError} that
 * names the file, the line and column, and the problem.
 *
 * @example
 * parseConfigText('issuer: https://auth.example.com/\nclients: []\n', 'oauth-ro.yaml');
 * // { issuer: 'https://auth.example.com/', clients: [] }
 */
export function parseConfigText(text: string, file: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (extension === 'json') return parseJson(body, file);
  if (extension === 'yaml' || extension === 'yml') return parseYaml(body, file);
  return body.trimStart().startsWith('{') ? parseJson(body, file) : parseYaml(body, file);
}
