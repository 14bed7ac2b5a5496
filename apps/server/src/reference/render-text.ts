import { escapeHtml } from './escape-html.js';

/** `code` spans of already-escaped text. */
function inline(escaped: string): string {
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>');
}

/**
 * The little Markdown the document's descriptions use: paragraphs, `- ` lists and `code` spans.
 * Everything is escaped first, so no description can inject markup.
 *
 * @example renderText('Send `code`.\n\n- one\n- two'); // '<p>Send <code>code</code>.</p><ul><li>one</li><li>two</li></ul>'
 */
export function renderText(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((line) => line.startsWith('- '))) {
        return `<ul>${lines.map((line) => `<li>${inline(escapeHtml(line.slice(2)))}</li>`).join('')}</ul>`;
      }
      return `<p>${inline(escapeHtml(block))}</p>`;
    })
    .join('');
}
