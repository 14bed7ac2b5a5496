import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MessageSender } from '@oauth-ro/core/ports';
import { oauthRoRouter } from '@oauth-ro/express';
import { createTestOAuthRo, makeTestCertificate, startTlsFront, testConfig, type TestOAuthRo } from '@oauth-ro/test-kit';
import express from 'express';

/** The test configuration's clients and database connections, with `connections` as the passwordless ones. */
export function configWith(issuer: string, connections: readonly Record<string, unknown>[]) {
  const base = testConfig();
  const passwordless = new Set(['sms', 'email', 'sms-of-other-app']);
  return {
    ...base,
    issuer,
    connections: [...(base.connections as { name: string }[]).filter((c) => !passwordless.has(c.name)), ...connections],
  };
}

/** oauth-ro (Express) behind real TLS. */
export interface OAuthRoOverTls {
  /** What Auth0 SDKs call the `domain`: `127.0.0.1:<port>`. */
  readonly domain: string;
  /** The self-signed certificate's PEM file, for clients to trust (`NODE_EXTRA_CA_CERTS`). */
  readonly certPath: string;
  readonly test: TestOAuthRo;
  close(): Promise<void>;
}

/**
 * Starts oauth-ro with real senders on an Express app, behind a TLS front with a self-signed
 * certificate made by `openssl req -x509` at test time; clients trust it through `certPath`, so
 * TLS verification stays on.
 *
 * @example const served = await serveOverTls([smsConnection], { sms: createSmsSender() });
 */
export async function serveOverTls(
  connections: readonly Record<string, unknown>[],
  senders: Readonly<Partial<Record<'sms' | 'email', MessageSender>>>,
): Promise<OAuthRoOverTls> {
  const cert = await makeTestCertificate();
  let port = 0;
  const front = await startTlsFront({ cert: cert.cert, key: cert.key, target: () => ({ host: '127.0.0.1', port }) });
  const test = await createTestOAuthRo({ config: configWith(`${front.url}/`, connections), senders });
  const app = express();
  app.use(oauthRoRouter(test.oauthRo));
  const server: Server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;

  return {
    domain: front.domain,
    certPath: cert.certPath,
    test,
    async close() {
      await front.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await test.oauthRo.close();
    },
  };
}
