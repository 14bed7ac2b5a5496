import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeTestCertificate, type TestCertificate } from '../launchers/make-test-certificate.js';
import { readBody } from '@oauth-ro/conformance';

/** A user of the stand-in tenant. */
export interface Auth0TenantUser {
  readonly user_id: string;
  readonly email: string;
  readonly password: string;
  readonly name?: string;
  readonly email_verified?: boolean;
}

/** A local, HTTPS stand-in of an Auth0 tenant, for lazy-migration tests. */
export interface Auth0TenantStandIn {
  /** `127.0.0.1:<port>`, what Auth0 scripts call `configuration.Domain`. */
  readonly domain: string;
  readonly certificate: TestCertificate;
  readonly client: { readonly client_id: string; readonly client_secret: string };
  /** Requests seen, by `METHOD path` (grant type appended for /oauth/token). */
  readonly calls: Map<string, number>;
  close(): Promise<void>;
}

const sha = (text: string) => createHash('sha256').update(text).digest();
const same = (a: string, b: string) => timingSafeEqual(sha(a), sha(b));
const json = (status: number, body: unknown) => ({ status, body: JSON.stringify(body), type: 'application/json' });

/**
 * Serves what Auth0's tenant-to-tenant migration scripts call, as Auth0 answers it, over TLS with a
 * self-signed certificate (trust it through `certificate.certPath`): `POST /oauth/token` with the
 * password-realm grant (403 `invalid_grant` "Wrong email or password." for bad credentials, 401
 * `access_denied` for a bad client) and with client_credentials for the Management API audience,
 * `GET /userinfo`, and `GET /api/v2/users-by-email`. Access tokens are opaque and live in memory.
 *
 * @example
 * const tenant = await startAuth0TenantStandIn([{ user_id: 'auth0|1', email: 'a@example.com', password: 'pw' }]);
 */
export async function startAuth0TenantStandIn(users: readonly Auth0TenantUser[]): Promise<Auth0TenantStandIn> {
  const certificate = await makeTestCertificate();
  const client = { client_id: 'old-tenant-migration-client', client_secret: randomBytes(24).toString('base64url') };
  const tokens = new Map<string, { user?: Auth0TenantUser; management?: true }>();
  const calls = new Map<string, number>();
  let domain = '';
  const count = (key: string) => calls.set(key, (calls.get(key) ?? 0) + 1);

  const profile = (user: Auth0TenantUser) => ({
    sub: user.user_id,
    email: user.email,
    email_verified: user.email_verified ?? true,
    name: user.name ?? user.email,
    nickname: user.email.split('@')[0],
    picture: `https://s.gravatar.com/avatar/${createHash('md5').update(user.email).digest('hex')}?s=480&r=pg&d=identicon`,
    updated_at: '2024-01-01T00:00:00.000Z',
  });

  async function answer(method: string, url: URL, headers: Record<string, string | string[] | undefined>, text: string) {
    if (method === 'POST' && url.pathname === '/oauth/token') {
      const body = (headers['content-type'] ?? '').includes('json') ? (JSON.parse(text || '{}') as Record<string, string>) : Object.fromEntries(new URLSearchParams(text));
      count(`POST /oauth/token ${body.grant_type}`);
      if (body.client_id !== client.client_id || !same(body.client_secret ?? '', client.client_secret)) {
        return json(401, { error: 'access_denied', error_description: 'Unauthorized' });
      }
      if (body.grant_type === 'http://auth0.com/oauth/grant-type/password-realm') {
        if (body.realm !== 'Username-Password-Authentication') return json(400, { error: 'invalid_request', error_description: 'Unknown realm' });
        const user = users.find((u) => u.email === String(body.username ?? '').toLowerCase());
        if (!user || !same(body.password ?? '', user.password)) return json(403, { error: 'invalid_grant', error_description: 'Wrong email or password.' });
        const access_token = randomBytes(24).toString('base64url');
        tokens.set(access_token, { user });
        return json(200, { access_token, scope: body.scope ?? 'openid', expires_in: 86400, token_type: 'Bearer' });
      }
      if (body.grant_type === 'client_credentials') {
        if (body.audience !== `https://${domain}/api/v2/`) return json(403, { error: 'access_denied', error_description: `Service not enabled within domain: ${body.audience}` });
        const access_token = randomBytes(24).toString('base64url');
        tokens.set(access_token, { management: true });
        return json(200, { access_token, scope: 'read:users', expires_in: 86400, token_type: 'Bearer' });
      }
      return json(403, { error: 'unauthorized_client', error_description: 'Grant type not allowed for the client.' });
    }
    const bearer = String(headers.authorization ?? '').replace(/^Bearer /, '');
    const session = tokens.get(bearer);
    if (method === 'GET' && url.pathname === '/userinfo') {
      count('GET /userinfo');
      return session?.user ? json(200, profile(session.user)) : { status: 401, body: 'Unauthorized', type: 'text/plain' };
    }
    if (method === 'GET' && url.pathname === '/api/v2/users-by-email') {
      count('GET /api/v2/users-by-email');
      if (!session?.management) return json(401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' });
      const email = (url.searchParams.get('email') ?? '').toLowerCase();
      return json(200, users.filter((u) => u.email === email).map((u) => ({ ...profile(u), user_id: u.user_id, identities: [{ provider: 'auth0', connection: 'Username-Password-Authentication' }] })));
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: 'Not Found' });
  }

  const server = createServer({ cert: certificate.cert, key: certificate.key }, (req, res) => {
    void (async () => {
      const reply = await answer(req.method ?? 'GET', new URL(req.url ?? '/', 'https://stand-in'), req.headers, await readBody(req)).catch((error: unknown) => ({ status: 500, body: String(error), type: 'text/plain' }));
      res.writeHead(reply.status, { 'content-type': reply.type, 'content-length': String(Buffer.byteLength(reply.body)) });
      res.end(reply.body);
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  domain = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    domain,
    certificate,
    client,
    calls,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
