import { encode } from 'uqr';

/** The quiet zone around a QR code, in modules (ISO/IEC 18004 asks for 4). */
const QUIET_ZONE = 4;

/**
 * The modules of a QR code for `text` (error correction M, what authenticator apps scan well),
 * quiet zone included: `true` is dark. Shared by the SVG of the enrolment page and the terminal
 * rendering of the CLI.
 *
 * @example qrModules('otpauth://totp/…').length; // 45 for a version 7 code
 */
export function qrModules(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: QUIET_ZONE }).data;
}
