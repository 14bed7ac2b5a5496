import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A plain-HTTP server on 127.0.0.1, for the protocol fakes. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** What a fake answers: status, headers and a text body. */
export interface FakeReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Reads a request body, refusing more than 1 MiB.
 *
 * @example const text = await readBody(req);
 */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1024 * 1024) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts an HTTP server on 127.0.0.1 (a free port unless `port` is given) whose handler returns a
 * {@link FakeReply}; a handler that throws answers 500. `close` also drops keep-alive sockets.
 *
 * @example
 * const server = await listenLocal(async () => ({ status: 200, body: 'ok' }));
 */
export async function listenLocal(
  handler: (req: IncomingMessage, body: string) => Promise<FakeReply> | FakeReply,
  port = 0,
): Promise<LocalServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      let reply: FakeReply;
      try {
        reply = await handler(req, await readBody(req));
      } catch (error) {
        reply = { status: 500, headers: { 'content-type': 'text/plain' }, body: String(error) };
      }
      if (res.destroyed) return;
      res.writeHead(reply.status, { 'content-length': String(Buffer.byteLength(reply.body)), ...reply.headers });
      res.end(reply.body);
    })();
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A port on 127.0.0.1 where nothing listens (bound, then released), for "unreachable" tests.
 *
 * @example const url = `http://127.0.0.1:${await closedPort()}`;
 */
export async function closedPort(): Promise<number> {
  const server = await listenLocal(() => ({ status: 204, body: '' }));
  await server.close();
  return server.port;
}
