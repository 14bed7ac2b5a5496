// Serves the built demo page (dist/) from its own origin, as a real app is deployed: the page then
// calls the oauth-ro server cross-origin, through CORS (the server's client lists this origin).
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
/** One file name directly in dist/: `..` and `a/b` can never match. */
const FILE = /^\/demo\/([A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)?$/;

/**
 * Starts the page server: `/demo/` (and its files) from `dir`, `/` redirects to
 * `/demo/?server=<server>` so the page talks to that oauth-ro server. The page may connect to its own
 * origin and to `server` only (Content-Security-Policy).
 *
 * @param {{ dir: string, server: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, origin: string, close(): Promise<void> }>}
 */
export async function servePage({ dir, server, port = 0, host = '127.0.0.1' }) {
  const target = new URL(server).origin;
  const headers = {
    'content-security-policy': `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' ${target}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
  const http = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/' || path === '/demo') {
      res.writeHead(302, { location: `/demo/?server=${encodeURIComponent(target)}` }).end();
      return;
    }
    const name = FILE.exec(path)?.[1] ?? (path === '/demo/' ? 'index.html' : undefined);
    const type = name ? CONTENT_TYPES[extname(name)] : undefined;
    if (!name || !type) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    readFile(join(dir, name)).then(
      (body) => res.writeHead(200, { ...headers, 'content-type': type }).end(body),
      () => res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found'),
    );
  });
  http.listen(port, host);
  await once(http, 'listening');
  const address = http.address();
  const origin = `http://${host}:${address.port}`;
  return {
    url: `${origin}/demo/?server=${encodeURIComponent(target)}`,
    origin,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}
