import { isIP } from 'node:net';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { Client } from 'ldapts';
import type { LdapOptions } from '../options/types.js';

/**
 * The TLS settings for ldaps:// and StartTLS: the configured CA and server name, verification always on.
 *
 * @example
 * tlsSettings(options); // { host: 'dc1.corp.example.com', servername: 'dc1.corp.example.com', ca: [...], minVersion: 'TLSv1.2', rejectUnauthorized: true }
 */
export function tlsSettings(options: LdapOptions): tls.ConnectionOptions {
  const host = new URL(options.url).hostname.replace(/^\[|\]$/g, '');
  const servername = options.tlsServername ?? (isIP(host) ? undefined : host);
  return {
    host,
    ...(servername === undefined ? {} : { servername }),
    ...(options.tlsCa ? { ca: [...options.tlsCa] } : {}),
    minVersion: 'TLSv1.2',
    rejectUnauthorized: true,
  };
}

/**
 * Makes an ldapts client for one socket only: if its connection drops, ldapts would silently open a
 * new, unauthenticated (and, with StartTLS, unencrypted) one; here that attempt fails instead and the
 * pool replaces the client. StartTLS is negotiated before anything else is sent.
 *
 * @example
 * const client = await openClient(options); // connected (and upgraded), not bound
 */
export async function openClient(options: LdapOptions): Promise<Client> {
  let plainOpened = false;
  let secureOpened = false;
  const settings = tlsSettings(options);
  const secure = options.url.startsWith('ldaps:');
  const client = new Client({
    url: options.url,
    timeout: options.timeoutMs,
    connectTimeout: options.connectTimeoutMs,
    ...(secure ? { tlsOptions: settings } : {}),
    createConnection: ((port: number, host: string) => {
      if (plainOpened) throw new Error('connection lost');
      plainOpened = true;
      return net.connect(port, host);
    }) as typeof net.connect,
    createSecureConnection: ((...args: Parameters<typeof tls.connect>) => {
      if (secureOpened) throw new Error('connection lost');
      secureOpened = true;
      return (tls.connect as (...a: unknown[]) => tls.TLSSocket)(...args);
    }) as typeof tls.connect,
  });
  if (options.startTls) {
    try {
      await withDeadline(client.startTLS({ ...settings }), options.connectTimeoutMs + options.timeoutMs, client);
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw error;
    }
  }
  return client;
}

/** StartTLS's handshake has no timeout of its own in ldapts; bound it and drop the socket when it fires. */
async function withDeadline<T>(promise: Promise<T>, ms: number, client: Client): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void client.unbind().catch(() => undefined);
      reject(new Error('StartTLS timed out'));
    }, ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
