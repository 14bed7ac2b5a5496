import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';

/** Where the TLS front forwards connections. */
export interface TlsFrontTarget {
  readonly host: string;
  readonly port: number;
}

/** Options of {@link startTlsFront}. */
export interface TlsFrontOptions {
  /** PEM certificate chain and private key the front presents. */
  readonly cert: string;
  readonly key: string;
  /**
   * The plain-HTTP server behind the front. A function is read for each connection, so the front
   * can be started (and its URL used as the issuer) before the server it fronts.
   */
  readonly target: TlsFrontTarget | (() => TlsFrontTarget);
  /** Default 127.0.0.1; port 0 (default) picks a free one. */
  readonly host?: string;
  readonly port?: number;
}

/** A running TLS front. */
export interface TlsFront {
  /** `https://127.0.0.1:<port>` (no trailing slash). */
  readonly url: string;
  /** `127.0.0.1:<port>`, what Auth0 SDKs call the `domain`. */
  readonly domain: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A TLS-terminating TCP proxy: accepts https connections with the given certificate and pipes the
 * decrypted bytes to a plain-HTTP server. HTTP itself passes through untouched (keep-alive,
 * chunking, headers), so a client that only speaks https talks to the real server unmodified.
 *
 * @example
 * const front = await startTlsFront({ cert, key, target: { host: '127.0.0.1', port: 3000 } });
 * // point the client at front.url, trusting `cert`
 * await front.close();
 */
export async function startTlsFront(options: TlsFrontOptions): Promise<TlsFront> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer({ cert: options.cert, key: options.key }, (client: TLSSocket) => {
    const target = typeof options.target === 'function' ? options.target() : options.target;
    const upstream = connect(target.port, target.host);
    track(client);
    track(upstream);
    // Either side failing or ending tears down the pair; errors are expected when clients go away.
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  server.on('tlsClientError', () => {});
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('TLS front: no TCP address');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `https://${host}:${address.port}`,
    domain: `${host}:${address.port}`,
    port: address.port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
