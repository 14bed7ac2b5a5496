import jsQR from 'jsqr';

const PIXELS_PER_MODULE = 4;

/**
 * Reads a QR code from its modules (`true` dark) the way a phone's camera would: the modules are
 * drawn as an RGBA image and handed to jsQR, an independent decoder. Undefined when it reads nothing.
 *
 * @example decodeQrModules(qrModulesFromSvg(svg)); // 'otpauth://totp/…'
 */
export function decodeQrModules(modules: readonly (readonly boolean[])[]): string | undefined {
  const size = modules.length;
  const width = size * PIXELS_PER_MODULE;
  const pixels = new Uint8ClampedArray(width * width * 4);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const dark = modules[Math.floor(y / PIXELS_PER_MODULE)]?.[Math.floor(x / PIXELS_PER_MODULE)] === true;
      const i = (y * width + x) * 4;
      pixels[i] = pixels[i + 1] = pixels[i + 2] = dark ? 0 : 255;
      pixels[i + 3] = 255;
    }
  }
  return jsQR(pixels, width, width, { inversionAttempts: 'dontInvert' })?.data;
}

/**
 * The modules of an SVG QR code drawn as core's `qrSvg` draws it: a `viewBox` of one unit per
 * module and one path of `M x y h w v1 h-w z` rectangles.
 *
 * @example decodeQrModules(qrModulesFromSvg(page.match(/<svg[\s\S]*?<\/svg>/)![0]));
 */
export function qrModulesFromSvg(svg: string): boolean[][] {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  if (!Number.isInteger(size) || size <= 0) throw new Error('not a square viewBox');
  const modules = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
  const d = /<path[^>]* d="([^"]*)"/.exec(svg)?.[1] ?? '';
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) modules[Number(y)]![Number(x) + i] = true;
  }
  return modules;
}

/**
 * The modules of a QR code printed with half blocks (`▀` top dark, `▄` bottom dark, `█` both,
 * space neither), two rows per line, as `oauth-ro users mfa enroll` prints it; ANSI colour codes
 * are ignored.
 *
 * @example decodeQrModules(qrModulesFromHalfBlocks(stdout));
 */
export function qrModulesFromHalfBlocks(text: string): boolean[][] {
  // eslint-disable-next-line no-control-regex
  const lines = text.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((l) => /[▀▄█]/.test(l));
  const rows: boolean[][] = [];
  for (const line of lines) {
    const chars = [...line];
    rows.push(chars.map((c) => c === '▀' || c === '█'));
    rows.push(chars.map((c) => c === '▄' || c === '█'));
  }
  // Pad with a light quiet zone, as the terminal's own background would be.
  const width = Math.max(...rows.map((r) => r.length)) + 8;
  const blank = () => Array.from({ length: width }, () => false);
  return [...Array.from({ length: 4 }, blank), ...rows.map((r) => [false, false, false, false, ...r, ...Array.from({ length: width - r.length - 4 }, () => false)]), ...Array.from({ length: 4 }, blank)];
}
