import { createServer, connect, type Server, type Socket } from 'node:net';

/** A TCP forwarder a test can take down and bring back, to play a database that goes away. */
export interface TcpProxy {
  readonly port: number;
  /** Stops listening and cuts every open connection (the database "goes away"). */
  stop(): Promise<void>;
  /** Listens again on the same port (the database "comes back"). */
  start(): Promise<void>;
  /** While true, new connections are accepted and held open but never forwarded (a black hole). */
  blackhole: boolean;
  /** While true, bytes on established connections are dropped both ways (a server that stops answering). */
  frozen: boolean;
  close(): Promise<void>;
}

/**
 * Starts a forwarder on 127.0.0.1 (a random port) to `targetPort`.
 *
 * @example
 * const proxy = await startTcpProxy(5432);
 * const url = `postgres://postgres@127.0.0.1:${proxy.port}/db`;
 */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };

  const proxy: TcpProxy = {
    get port() {
      return port;
    },
    blackhole: false,
    frozen: false,
    async start() {
      server = createServer((client) => {
        track(client);
        if (proxy.blackhole) return;
        const upstream = connect(targetPort, targetHost);
        track(upstream);
        client.on('data', (chunk) => proxy.frozen || upstream.write(chunk));
        upstream.on('data', (chunk) => proxy.frozen || client.write(chunk));
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
      port = (server.address() as { port: number }).port;
    },
    async stop() {
      const closing = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    close() {
      return proxy.stop();
    },
  };
  await proxy.start();
  return proxy;
}
