import type { ConnectionConfig } from '@oauth-ro/core/ports';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLdapDirectory } from './create-ldap-directory.js';

// A server that accepts TCP connections and then says nothing: the kernel completes the handshake,
// so only the client's own connect (TLS) and operation timeouts stand between a login and a hang.
let server: Server;
let port: number;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function connection(options: Record<string, unknown>): ConnectionConfig {
  return {
    name: 'silent',
    strategy: 'ad',
    enabled_clients: [],
    options: {
      ldap_base: 'dc=example,dc=org',
      ldap_bind_user: 'cn=svc,dc=example,dc=org',
      ldap_bind_password: 'svc',
      ldap_connect_timeout_ms: 300,
      ldap_timeout_ms: 300,
      ...options,
    },
  };
}

describe('a directory that accepts connections and never answers', () => {
  it.each([
    ['ldap:// (operation timeout)', { ldap_url: `ldap://127.0.0.1:PORT` }],
    ['ldaps:// (TLS handshake under the connect timeout)', { ldap_url: `ldaps://127.0.0.1:PORT` }],
    ['StartTLS (extended operation under the operation timeout)', { ldap_url: `ldap://127.0.0.1:PORT`, ldap_starttls: true }],
  ])('%s: 503 naming the connection, well within the deadline', async (_, options) => {
    const directory = createLdapDirectory();
    const url = (options.ldap_url as string).replace('PORT', String(port));
    const started = Date.now();
    const result = await directory.authenticate({ connection: connection({ ...options, ldap_url: url }), username: 'jdoe', password: 'pw', ip: '127.0.0.1' });
    const elapsed = Date.now() - started;
    expect(result).toEqual({
      ok: false,
      error: { code: 'temporarily_unavailable', description: 'connection silent: the directory is unreachable', retryAfter: 5 },
    });
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(1500);
    await directory.close();
  });

  it('a refused port answers 503 at once', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const free = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const directory = createLdapDirectory();
    const started = Date.now();
    const result = await directory.authenticate({ connection: connection({ ldap_url: `ldap://127.0.0.1:${free}` }), username: 'jdoe', password: 'pw', ip: '127.0.0.1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'temporarily_unavailable' } });
    expect(Date.now() - started).toBeLessThan(250);
    await directory.close();
  });
});
