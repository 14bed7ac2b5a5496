import { qrModules } from './qr-modules.js';

/**
 * A QR code as an inline SVG element (no script, no external reference, no style attribute, so a
 * page with `default-src 'none'` shows it): one path of the dark modules, one unit per module.
 *
 * @example const svg = qrSvg('otpauth://totp/Example:alice?secret=…', 'QR code of the key');
 */
export function qrSvg(text: string, label: string): string {
  const modules = qrModules(text);
  const size = modules.length;
  let path = '';
  modules.forEach((row, y) => {
    // Runs of dark modules on a row become one rectangle each.
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < size && row[end + 1]) end++;
      path += `M${x} ${y}h${end - x + 1}v1h-${end - x + 1}z`;
      x = end;
    }
  });
  const escaped = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="240" height="240" role="img" aria-label="${escaped}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
