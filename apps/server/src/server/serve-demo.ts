import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { StartupError } from '../config/startup-error.js';

/** The files a built demo is made of; anything else in the directory is never served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** One file name, no directory part and no leading dot, so `..` and `a/b` can never match. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$/;

/**
 * The page may talk to its own origin only (auth0.js calls the same server) and load nothing from
 * elsewhere: no CDN script, font or image can sneak in.
 */
const HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Anything not served answers the server's own 404, as any unknown route does. */
function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

async function sendFile(reply: FastifyReply, dir: string, name: string): Promise<FastifyReply> {
  const type = CONTENT_TYPES[extname(name)];
  if (!FILE_NAME.test(name) || type === undefined) return notFound(reply);
  let body: Buffer;
  try {
    body = await readFile(join(dir, name));
  } catch {
    return notFound(reply);
  }
  return reply.code(200).headers(HEADERS).type(type).send(body);
}

/**
 * Serves the demo web page (apps/demo-web, built) under `/demo/` when `OAUTH_RO_DEMO_DIR` names its
 * directory, and does nothing otherwise. A development aid: refused when `NODE_ENV` is
 * `production`. Files are read on each request (a rebuild shows without a restart), only by a plain
 * file name directly in that directory with a known extension. Returns the path it serves, if any.
 *
 * @example
 * const demo = await serveDemo(app, { OAUTH_RO_DEMO_DIR: 'apps/demo-web/dist' }); // '/demo/'
 */
export async function serveDemo(app: FastifyInstance, processEnv: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  const setting = processEnv.OAUTH_RO_DEMO_DIR;
  if (setting === undefined || setting === '') return undefined;
  if (processEnv.NODE_ENV === 'production') {
    throw new StartupError('OAUTH_RO_DEMO_DIR: the demo page is a development aid and is refused when NODE_ENV is production');
  }
  const dir = resolve(setting);
  const index = await stat(join(dir, 'index.html')).catch(() => undefined);
  if (!index?.isFile()) {
    throw new StartupError(`OAUTH_RO_DEMO_DIR: ${dir} has no index.html (build the demo: pnpm --filter @oauth-ro/demo-web build)`);
  }
  app.get('/demo', (_request, reply) => reply.redirect('/demo/', 301));
  app.get('/demo/', (_request, reply) => sendFile(reply, dir, 'index.html'));
  app.get<{ Params: { file: string } }>('/demo/:file', (request, reply) => sendFile(reply, dir, request.params.file));
  return '/demo/';
}
