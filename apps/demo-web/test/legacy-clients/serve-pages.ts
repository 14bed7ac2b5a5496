import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

/** A static server for the test pages, on its own origin (not the oauth-ro server's). */
export interface PageServer {
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  close(): Promise<void>;
}

const LIBRARY = /^\/lib\/([a-z0-9-]+\.js)$/;
const PAGE = /^\/([a-z0-9-]+)\.html$/;

/**
 * Serves `/lib/<file>.js` from `libDir` and `/<name>.html`, an empty page that loads
 * `/lib/<name>.js`, plus `/signed-out` (where logout may return). Loopback only; anything else 404.
 *
 * @example const pages = await servePages(libDir); await page.goto(`${pages.origin}/auth0-js-v8.html`);
 */
export async function servePages(libDir: string): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const lib = LIBRARY.exec(path)?.[1];
    const page = PAGE.exec(path)?.[1];
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    };
    if (lib) {
      readFile(join(libDir, lib)).then(
        (body) => send(200, 'application/javascript; charset=utf-8', body),
        () => send(404, 'text/plain', 'not found'),
      );
    } else if (page) {
      send(
        200,
        'text/html; charset=utf-8',
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page}</title></head>` +
          `<body style="font-family:sans-serif"><h1 id="title">${page}</h1><div id="root"></div><pre id="log"></pre><script src="/lib/${page}.js"></script></body></html>`,
      );
    } else if (path === '/favicon.ico') {
      res.writeHead(204).end();
    } else if (path === '/signed-out') {
      send(200, 'text/html; charset=utf-8', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed out</title></head><body><h1>Signed out</h1></body></html>');
    } else {
      send(404, 'text/plain', 'not found');
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
