import { qrModules, qrSvg } from '@oauth-ro/core/internal';
import { describe, expect, it } from 'vitest';
import { decodeQrModules, qrModulesFromSvg } from './decode-qr.js';

const URI = 'otpauth://totp/oauth-ro%20(auth.example.com):alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=oauth-ro%20(auth.example.com)&algorithm=SHA1&digits=6&period=30';

describe('core QR codes read back by an independent decoder (jsQR)', () => {
  it('qrModules and qrSvg encode the otpauth URI exactly', () => {
    expect(decodeQrModules(qrModules(URI))).toBe(URI);
    const svg = qrSvg(URI, 'QR code <of> "the" key & more');
    expect(svg).not.toMatch(/<script|style=|href/i);
    expect(svg).toContain('aria-label="QR code &lt;of> &quot;the&quot; key &amp; more"');
    expect(decodeQrModules(qrModulesFromSvg(svg))).toBe(URI);
  });

  it('a damaged code does not read as the URI (the decoder is not a rubber stamp)', () => {
    const modules = qrModules(URI).map((row) => [...row]);
    for (let y = 4; y < 12; y++) for (let x = 4; x < 12; x++) modules[y]![x] = !modules[y]![x];
    expect(decodeQrModules(modules)).not.toBe(URI);
  });
});
