import { qrModules } from '@oauth-ro/core/internal';

/** Dark on light whatever the terminal's colours: black foreground on a white background. */
const DARK_ON_LIGHT = '\x1b[30;47m';
const RESET = '\x1b[0m';

/**
 * A QR code of `text` as lines of half-block characters, two module rows per line (`▀` top dark,
 * `▄` bottom dark, `█` both, space neither), quiet zone included. With `color` (a terminal) each
 * line is drawn black on white, so the code scans on dark and light themes alike; without it (a
 * file, a pipe) the blocks are the dark modules, as on paper.
 *
 * @example io.err(terminalQr('otpauth://totp/…', { color: process.stderr.isTTY }));
 */
export function terminalQr(text: string, options: { color: boolean }): string {
  const modules = qrModules(text);
  const lines: string[] = [];
  for (let y = 0; y < modules.length; y += 2) {
    const top = modules[y]!;
    const bottom = modules[y + 1];
    let line = '';
    for (let x = 0; x < top.length; x++) {
      const t = top[x] === true;
      const b = bottom?.[x] === true;
      line += t && b ? '█' : t ? '▀' : b ? '▄' : ' ';
    }
    lines.push(options.color ? `${DARK_ON_LIGHT}${line}${RESET}` : line);
  }
  return lines.join('\n');
}
