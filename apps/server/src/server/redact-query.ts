/**
 * A request URL for a log line: the path as sent, every query value replaced by `[redacted]`
 * (`/userinfo?access_token=…` must never reach a log), parameter names kept.
 *
 * @example redactQuery('/userinfo?access_token=eyJ…&x'); // '/userinfo?access_token=[redacted]&x'
 */
export function redactQuery(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq === -1 ? pair : `${pair.slice(0, eq)}=[redacted]`;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}
