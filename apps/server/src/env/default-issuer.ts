/**
 * The zero-config issuer, `http://{HOST}:{PORT}/`. A wildcard bind address (`0.0.0.0`, `::`) is not
 * an address a client can use, so it becomes `localhost`; IPv6 literals get their brackets.
 *
 * @example
 * defaultIssuer('127.0.0.1', 3000); // 'http://127.0.0.1:3000/'
 * defaultIssuer('::1', 8080);       // 'http://[::1]:8080/'
 */
export function defaultIssuer(host: string, port: number): string {
  const name = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}/`;
}
