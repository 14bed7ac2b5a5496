const B64 = /^[A-Za-z0-9+/]*$/;

/**
 * The PHC string format's base64: the standard alphabet without `=` padding.
 *
 * @example encodePhcBase64(new Uint8Array([104, 105])); // 'aGk'
 */
export function encodePhcBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/=+$/, '');
}

/**
 * Decodes {@link encodePhcBase64}'s output; undefined for anything else (other alphabets, padding,
 * an impossible length), so a damaged hash is refused rather than half-read.
 *
 * @example decodePhcBase64('aGk'); // Uint8Array [104, 105]
 */
export function decodePhcBase64(text: string): Uint8Array | undefined {
  if (!B64.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
