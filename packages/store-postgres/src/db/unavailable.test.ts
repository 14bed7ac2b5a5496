import { createServer } from 'node:net';
import { isUnavailableError } from '@oauth-ro/core/ports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testSchema } from '../../test/create-test-database.js';
import { startTcpProxy, type TcpProxy } from '@oauth-ro/test-kit';
import { openPostgresStores } from '../open-postgres-stores.js';

let db: TestDatabase;
let proxy: TcpProxy;
beforeAll(async () => {
  db = await createTestDatabase();
  proxy = await startTcpProxy(Number(new URL(db.url).port || 5432));
});
afterAll(async () => {
  await proxy.close();
  await db.drop();
});

function viaProxy(): string {
  const url = new URL(db.url);
  url.port = String(proxy.port);
  return url.toString();
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function timed<T>(promise: Promise<T>): Promise<{ error: unknown; ms: number }> {
  const start = performance.now();
  try {
    await promise;
    return { error: undefined, ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
}

describe('PostgreSQL unreachable', () => {
  it('opening stores on a closed port rejects with UnavailableError at once', async () => {
    const url = new URL(db.url);
    url.port = String(await closedPort());
    const { error, ms } = await timed(openPostgresStores(url.toString(), { connectionTimeoutMs: 1000 }));
    expect(isUnavailableError(error)).toBe(true);
    // Refused at once; the bound leaves room for a loaded CI machine.
    expect(ms).toBeLessThan(3000);
  });

  it('a server that accepts but never answers gives UnavailableError within the connection timeout', async () => {
    const schema = testSchema();
    const stores = await openPostgresStores(viaProxy(), { schema, connectionTimeoutMs: 500, max: 2 });
    try {
      proxy.blackhole = true;
      await proxy.stop(); // cut the pooled connections so the next query needs a new one
      await proxy.start();
      const { error, ms } = await timed(stores.users.findById('auth0|x'));
      expect(isUnavailableError(error)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(400);
      expect(ms).toBeLessThan(4000);
    } finally {
      proxy.blackhole = false;
      await stores.close();
    }
  });

  it('requests fail with UnavailableError while the server is gone and succeed again when it is back', async () => {
    const schema = testSchema();
    const stores = await openPostgresStores(viaProxy(), { schema, connectionTimeoutMs: 1000, max: 3 });
    try {
      await stores.keys.list();
      await stores.ping();

      await proxy.stop();
      for (let i = 0; i < 5; i++) {
        const { error, ms } = await timed(stores.keys.list());
        expect(isUnavailableError(error)).toBe(true);
        expect(ms).toBeLessThan(3000);
      }
      await expect(stores.ping()).rejects.toSatisfy(isUnavailableError);
      // A transaction too (rotate spans rows).
      const rotate = stores.keys.rotate({ kid: 'k', alg: 'RS256', private_jwk: '{}', public_jwk: '{}', created_at: 1 }, 1);
      await expect(rotate).rejects.toSatisfy(isUnavailableError);

      await proxy.start();
      await stores.ping();
      expect(await stores.keys.list()).toEqual([]);
      await stores.keys.rotate({ kid: 'k', alg: 'RS256', private_jwk: '{}', public_jwk: '{}', created_at: 1 }, 1);
      expect(await stores.keys.list()).toHaveLength(1);
    } finally {
      await stores.close();
    }
  });

  it('a server that stops answering mid-statement gives UnavailableError within the statement timeout', async () => {
    const stores = await openPostgresStores(viaProxy(), { schema: testSchema(), connectionTimeoutMs: 500, statementTimeoutMs: 300, max: 1 });
    try {
      await stores.ping();
      proxy.frozen = true;
      const { error, ms } = await timed(stores.keys.list());
      expect(isUnavailableError(error)).toBe(true);
      expect(ms).toBeLessThan(5000);
      proxy.frozen = false;
      // The connection that timed out was discarded; the next statement gets a fresh one.
      expect(await stores.keys.list()).toEqual([]);
    } finally {
      proxy.frozen = false;
      await stores.close();
    }
  });

  it('a connection cut mid-use is replaced, not reused', async () => {
    const stores = await openPostgresStores(viaProxy(), { schema: testSchema(), connectionTimeoutMs: 1000, max: 1 });
    try {
      await stores.ping();
      await proxy.stop();
      await proxy.start();
      // The single pooled connection died with the proxy; at most one request may see it.
      const first = await timed(stores.ping());
      if (first.error) expect(isUnavailableError(first.error)).toBe(true);
      await stores.ping();
    } finally {
      await stores.close();
    }
  });
});
