import { decodeQrModules, qrModulesFromHalfBlocks } from '@oauth-ro/test-kit';
import { describe, expect, it } from 'vitest';
import { terminalQr } from './terminal-qr.js';

const URI = 'otpauth://totp/oauth-ro:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=oauth-ro&algorithm=SHA1&digits=6&period=30';

describe('terminalQr', () => {
  it('prints half blocks that a QR decoder reads back as the URI, with and without colour', () => {
    const plain = terminalQr(URI, { color: false });
    expect(plain).toMatch(/^[ ▀▄█\n]+$/);
    expect(decodeQrModules(qrModulesFromHalfBlocks(plain))).toBe(URI);
    const coloured = terminalQr(URI, { color: true });
    expect(coloured.split('\n').every((l) => l.startsWith('\x1b[30;47m') && l.endsWith('\x1b[0m'))).toBe(true);
    expect(decodeQrModules(qrModulesFromHalfBlocks(coloured))).toBe(URI);
    // Two module rows per line: half as many lines as the code is tall (rounded up).
    expect(plain.split('\n').length).toBe(Math.ceil([...plain.split('\n')[0]!].length / 2));
  });
});
