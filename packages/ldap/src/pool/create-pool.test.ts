import type { Client } from 'ldapts';
import { InvalidCredentialsError } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { createPool, PoolTimeoutError, type PoolOptions } from './create-pool.js';

interface FakeClient {
  closed: boolean;
  alive: boolean;
  readonly isConnected: boolean;
  unbind(): Promise<void>;
}

function fakeClient(): FakeClient {
  const client: FakeClient = {
    closed: false,
    alive: true,
    get isConnected() {
      return client.alive && !client.closed;
    },
    async unbind() {
      client.closed = true;
    },
  };
  return client;
}

function pool(overrides: Partial<PoolOptions> = {}) {
  const opened: FakeClient[] = [];
  const p = createPool({
    size: 2,
    acquireTimeoutMs: 200,
    idleTimeoutMs: 60_000,
    healthCheckAfterMs: 60_000,
    async open() {
      const c = fakeClient();
      opened.push(c);
      return c as unknown as Client;
    },
    async healthCheck() {},
    ...overrides,
  });
  return { p, opened };
}

describe('createPool', () => {
  it('never opens more connections than its size, and queues the rest', async () => {
    const { p, opened } = pool();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const busy = [p.use(() => gate), p.use(() => gate), p.use(() => gate)];
    await new Promise((r) => setTimeout(r, 10));
    expect(p.size).toEqual({ open: 2, idle: 0, waiting: 1 });
    release();
    await Promise.all(busy);
    expect(opened).toHaveLength(2);
    expect(p.size.idle).toBe(2);
  });

  it('gives up waiting after acquireTimeoutMs', async () => {
    const { p } = pool({ size: 1, acquireTimeoutMs: 50 });
    const hold = p.use(() => new Promise((r) => setTimeout(r, 300)));
    await expect(p.use(async () => 1)).rejects.toBeInstanceOf(PoolTimeoutError);
    await hold;
  });

  it('keeps a connection after an LDAP result error, drops it after a socket error', async () => {
    const { p, opened } = pool({ size: 1 });
    await expect(p.use(async () => Promise.reject(new InvalidCredentialsError()))).rejects.toThrow();
    expect(opened[0]?.closed).toBe(false);
    await expect(p.use(async () => Promise.reject(new Error('Socket error')))).rejects.toThrow('Socket error');
    expect(opened[0]?.closed).toBe(true);
    expect(p.size.open).toBe(0);
    await p.use(async () => undefined);
    expect(opened).toHaveLength(2);
  });

  it('replaces a connection whose socket closed while idle', async () => {
    const { p, opened } = pool({ size: 1 });
    await p.use(async () => undefined);
    opened[0]!.alive = false;
    await p.use(async (client) => expect(client).toBe(opened[1]));
  });

  it('retries idempotent work once on a fresh connection when a reused one had died', async () => {
    const { p, opened } = pool({ size: 1 });
    await p.use(async () => undefined);
    let calls = 0;
    const value = await p.use(async (client) => {
      calls++;
      if ((client as unknown) === opened[0]) throw new Error('Connection closed before message response was received');
      return 'ok';
    }, true);
    expect({ value, calls }).toEqual({ value: 'ok', calls: 2 });
  });

  it('does not retry a timeout (the directory is hung, a second wait doubles the delay)', async () => {
    const { p } = pool({ size: 1 });
    await p.use(async () => undefined);
    let calls = 0;
    await expect(p.use(async () => {
      calls++;
      throw new Error('SearchRequest: Operation timed out');
    }, true)).rejects.toThrow('timed out');
    expect(calls).toBe(1);
  });

  it('health-checks a long-idle connection before reuse and replaces it when the check fails', async () => {
    const { p, opened } = pool({ size: 1, healthCheckAfterMs: 0, healthCheck: async () => Promise.reject(new Error('dead')) });
    await p.use(async () => undefined);
    await new Promise((r) => setTimeout(r, 5));
    await p.use(async (client) => expect(client).toBe(opened[1]));
    expect(opened[0]?.closed).toBe(true);
  });

  it('closes idle connections on close and refuses new work', async () => {
    const { p, opened } = pool();
    await p.use(async () => undefined);
    await p.close();
    expect(opened[0]?.closed).toBe(true);
    await expect(p.use(async () => 1)).rejects.toThrow('closed');
  });
});
