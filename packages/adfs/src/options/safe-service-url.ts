/**
 * True for URLs a directory may call: https anywhere, plain http only on the loopback interface
 * (local fakes and test setups), never with credentials or a fragment.
 *
 * @example isSafeServiceUrl(new URL('https://adfs.fabrikam.com')); // true
 */
export function isSafeServiceUrl(url: URL): boolean {
  if (url.username || url.password || url.hash) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
