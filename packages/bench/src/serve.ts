// Child process entry: starts one target on 127.0.0.1, reports its port and fixtures over IPC, and
// exits cleanly on `stop` (so that `--cpu-prof` writes its profile).
import { createBenchOAuthRo } from './targets/create-bench-oauth-ro.js';
import { listenExpress } from './targets/listen-express.js';
import { listenFastify } from './targets/listen-fastify.js';
import { listenHono } from './targets/listen-hono.js';
import type { Listening } from './targets/listening.js';
import type { ChildMessage, ParentMessage, TargetSpec } from './targets/protocol.js';
import { runRawArgon2 } from './targets/run-raw-argon2.js';

const LISTEN = { express: listenExpress, fastify: listenFastify, hono: listenHono } as const;

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** Releases what a target holds outside the process (a SQLite file, PostgreSQL connections). */
let releaseStores: () => Promise<void> = async () => {};

async function start(spec: TargetSpec): Promise<Listening | undefined> {
  if (spec.name === 'raw-argon2' || spec.name === 'raw-better-auth') {
    send({ type: 'ready', port: 0 });
    return undefined;
  }
  if (spec.name === 'oidc-provider') {
    // Imported only here: the oauth-ro targets' profiles must not carry oidc-provider's start-up.
    const { listenOidcProvider } = await import('./targets/listen-oidc-provider.js');
    const { server, fixtures } = await listenOidcProvider();
    send({ type: 'ready', port: server.port, fixtures });
    return server;
  }
  if (spec.name === 'better-auth') {
    const { listenBetterAuth } = await import('./targets/listen-better-auth.js');
    const { server, fixtures } = await listenBetterAuth();
    send({ type: 'ready', port: server.port, fixtures });
    return server;
  }
  const bench = await createBenchOAuthRo(spec);
  releaseStores = () => bench.close();
  const server = await LISTEN[spec.name](bench);
  send({ type: 'ready', port: server.port, fixtures: bench.fixtures });
  return server;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as TargetSpec;
  const server = await start(spec);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'raw-argon2') {
      // Better Auth's verify is imported only in its own child, like oidc-provider.
      const raw = spec.name === 'raw-better-auth' ? import('./targets/run-raw-better-auth.js').then((m) => m.runRawBetterAuth) : Promise.resolve(runRawArgon2);
      raw.then((run) => run(message.concurrency, message.seconds)).then(
        (done) => send({ type: 'raw-argon2-done', ...done }),
        (error: unknown) => send({ type: 'failed', message: String(error) }),
      );
    } else if (message.type === 'mark') {
      send({ type: 'mark', atUs: Number(process.hrtime.bigint() / 1000n) });
    } else if (message.type === 'stop') {
      // Open keep-alive sockets and queued hashes must not hold the exit (the profile is written at exit).
      void server?.close();
      const timeout = new Promise((resolve) => setTimeout(resolve, 2000));
      void Promise.race([releaseStores().catch(() => {}), timeout]).then(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) });
  process.exit(1);
});
