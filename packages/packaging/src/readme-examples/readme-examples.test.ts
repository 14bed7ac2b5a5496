import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAdfs, startFakeEntraId, startSlapd } from '@oauth-ro/test-kit';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, it, type ExpectStatic } from 'vitest';
import { extractExample } from './extract-example.js';
import { publicPackages } from './public-packages.js';
import { runExample, type ExampleProcess } from './run-example.js';

const PACKAGES = fileURLToPath(new URL('../../../', import.meta.url));
// Inside this package, so the examples' imports resolve to the built workspace packages.
const OUT = fileURLToPath(new URL('../../.tmp/examples/', import.meta.url));

const running = new Set<ExampleProcess>();
afterAll(() => {
  for (const example of running) example.child.kill('SIGKILL');
});

/** Writes a package README's example to a file of its own and starts it. */
async function startExample(pkg: string, env: Record<string, string> = {}, args: readonly string[] = []): Promise<ExampleProcess> {
  const code = extractExample(await readFile(`${PACKAGES}${pkg}/README.md`, 'utf8'));
  await mkdir(OUT, { recursive: true });
  const file = `${OUT}${pkg}.ts`;
  await writeFile(file, code);
  const example = runExample(file, env, args);
  running.add(example);
  return example;
}

async function post(url: string, body: Record<string, string>, form = false): Promise<Response> {
  return fetch(url, form ? { method: 'POST', body: new URLSearchParams(body) } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe.concurrent.each(['express', 'fastify', 'hono'])('the @oauth-ro/%s README example', (pkg) => {
  it('starts on 127.0.0.1:0, signs a user up, logs them in, guards the app route with the token, and stops on SIGTERM', async ({ expect }) => {
    const example = await startExample(pkg, { PORT: '0' });
    const line = await example.waitForLine(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const base = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)![1]!;
    const client = { client_id: 'my-mobile-app', connection: 'Username-Password-Authentication' };

    const signup = await post(`${base}/dbconnections/signup`, { ...client, email: 'ann@example.com', password: 'Correct-Horse-9' });
    expect(signup.status, await signup.clone().text()).toBe(200);
    const login = await post(
      `${base}/oauth/ro`,
      { ...client, grant_type: 'password', username: 'ann@example.com', password: 'Correct-Horse-9', scope: 'openid' },
      true,
    );
    expect(login.status, await login.clone().text()).toBe(200);
    const tokens = (await login.json()) as { access_token: string; id_token: string; token_type: string };
    expect(tokens).toMatchObject({ token_type: 'bearer', id_token: expect.any(String), access_token: expect.any(String) });

    expect((await fetch(`${base}/api/me`)).status).toBe(401);
    const me = await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ user: expect.stringMatching(/^auth0\|/) });

    example.child.kill('SIGTERM');
    expect(await example.exited).toBe(0);
  });
});

/** Runs a script-style example to its end and returns what it printed; it must exit 0. */
async function runToEnd(expect: ExpectStatic, pkg: string, env: Record<string, string> = {}, args: readonly string[] = []): Promise<string> {
  const example = await startExample(pkg, env, args);
  const code = await example.exited;
  const output = example.output.join('\n');
  expect(code, output).toBe(0);
  return output;
}

// Each example is a process of its own: they run side by side. Assertions use the test's own expect.
describe.concurrent('the README examples of the libraries run as written', () => {
  it('@oauth-ro/core: signs up, logs in, refuses a wrong password, verifies the token', async ({ expect }) => {
    const output = await runToEnd(expect, 'core');
    expect(output).toMatch(/^signup 200$/m);
    expect(output).toMatch(/^login 200$/m);
    expect(output).toMatch(/^wrong password 401 invalid_user_password$/m);
    expect(output).toMatch(/^token of auth0\|\S+$/m);
  });

  it('@oauth-ro/scripts: an Auth0 Rule, unchanged, adds a claim and denies a login', async ({ expect }) => {
    const output = await runToEnd(expect, 'scripts');
    expect(output).toMatch(/^ann@example\.com 200 free$/m);
    expect(output).toMatch(/^eve@blocked\.example 401 Access denied\.$/m);
  });

  it('@oauth-ro/migrate: converts an export without copying its secret, imports a bcrypt user, the old password verifies', async ({ expect }) => {
    const output = await runToEnd(expect, 'migrate');
    expect(output).toMatch(/^clients \[\{"client_id":"Pw3KzR8vNmQ2tY6u"/m);
    expect(output).not.toContain('never copied');
    expect(output).toMatch(/^line 2 refused: not valid JSON$/m);
    expect(output).toMatch(/^imported 1 refused 1$/m);
    expect(output).toMatch(/^old password verifies true$/m);
  });

  it('@oauth-ro/store-memory: the signed-up user is in the memory store with an argon2id hash', async ({ expect }) => {
    expect(await runToEnd(expect, 'store-memory')).toMatch(/^stored ann@example\.com hash \$argon2id\$$/m);
  });

  it('@oauth-ro/argon2: hashes with OWASP parameters and verifies an Auth0 bcrypt hash', async ({ expect }) => {
    const output = await runToEnd(expect, 'argon2');
    expect(output).toMatch(/variant: 'id'.*memoryCost: 19456.*timeCost: 2.*parallelism: 1/s);
    expect(output).toMatch(/^verify true false$/m);
    expect(output).toMatch(/^bcrypt true needs rehash true$/m);
  });

  it('@oauth-ro/store-postgres: migrates a new database and keeps the user there', async ({ expect }) => {
    const admin = process.env.OAUTH_RO_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const name = `oauth_ro_readme_${randomBytes(6).toString('hex')}`;
    const sql = async (text: string) => {
      const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 5000 });
      await client.connect();
      await client.query(text).finally(() => client.end());
    };
    await sql(`CREATE DATABASE ${name}`);
    try {
      const url = new URL(admin);
      url.pathname = `/${name}`;
      const output = await runToEnd(expect, 'store-postgres', { OAUTH_RO_DATABASE: url.toString() });
      expect(output).toMatch(/^signup 200$/m);
      expect(output).toMatch(/^in PostgreSQL: auth0\|\S+$/m);
    } finally {
      await sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });

  it('@oauth-ro/store-redis: ten failures counted in Redis block the user', async ({ expect }) => {
    const url = process.env.OAUTH_RO_TEST_REDIS ?? 'redis://127.0.0.1:6379';
    const prefix = `oauth-ro-readme-${randomBytes(6).toString('hex')}`;
    try {
      expect(await runToEnd(expect, 'store-redis', { OAUTH_RO_REDIS: url, OAUTH_RO_REDIS_PREFIX: prefix })).toMatch(/^after 10 failures 429 too_many_attempts$/m);
    } finally {
      const redis = new Redis(url);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });

  it('@oauth-ro/waad: logs a user in against an Entra ID tenant (the local fake), and refuses a wrong password', async ({ expect }) => {
    const entra = await startFakeEntraId({
      clientSecret: 'an-entra-application-secret',
      users: [{ username: 'adele@contoso.onmicrosoft.com', password: 'Adele-passw0rd', email: 'adele@contoso.onmicrosoft.com' }],
    });
    try {
      const env = { AAD_TENANT_DOMAIN: entra.tenantDomain, AAD_CLIENT_ID: entra.clientId, AAD_CLIENT_SECRET: 'an-entra-application-secret', AAD_AUTHORITY: entra.authority };
      expect(await runToEnd(expect, 'waad', env, ['adele@contoso.onmicrosoft.com', 'Adele-passw0rd'])).toMatch(/^logged in as waad\|\S+$/m);
      expect(await runToEnd(expect, 'waad', env, ['adele@contoso.onmicrosoft.com', 'wrong'])).toMatch(/^refused 401 .*invalid_user_password/m);
    } finally {
      await entra.close();
    }
  });

  it('@oauth-ro/adfs: logs a user in against ADFS (the local fake, real signed SAML), and refuses a wrong password', async ({ expect }) => {
    const adfs = await startFakeAdfs({
      users: [{ username: 'jdoe@fabrikam.com', password: 'Jdoe-passw0rd', upn: 'jdoe@fabrikam.com', email: 'jdoe@fabrikam.com' }],
      relyingParties: ['urn:auth0:acme:fabrikam'],
    });
    try {
      const env = { ADFS_SERVER: adfs.url };
      expect(await runToEnd(expect, 'adfs', env, ['jdoe@fabrikam.com', 'Jdoe-passw0rd'])).toMatch(/^logged in as adfs\|\S+$/m);
      expect(await runToEnd(expect, 'adfs', env, ['jdoe@fabrikam.com', 'wrong'])).toMatch(/^refused 401 .*invalid_user_password/m);
    } finally {
      await adfs.close();
    }
  });

  it('@oauth-ro/store-sqlite: the user signed up by the first run is found by the second', async ({ expect }) => {
    const dir = await mkdtemp(join(tmpdir(), 'oauth-ro-readme-sqlite-'));
    try {
      const env = { OAUTH_RO_DATABASE: `sqlite:${dir}/data/oauth-ro.db` };
      expect(await runToEnd(expect, 'store-sqlite', env)).toMatch(/^signup 200$/m);
      expect(await runToEnd(expect, 'store-sqlite', env)).toMatch(/^found auth0\|\S+ created \d{4}-/m);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('@oauth-ro/senders: /passwordless/start sends the code through the SMS gateway', async ({ expect }) => {
    const received: unknown[] = [];
    const gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(200).end();
      });
    });
    gateway.listen(0, '127.0.0.1');
    await once(gateway, 'listening');
    try {
      const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
      const output = await runToEnd(expect, 'senders', { SMS_GATEWAY_URL: url }, ['+15550100001']);
      expect(output).toMatch(/^\/passwordless\/start 200 \{.*"phone_number":"\+15550100001"/m);
      expect(received).toEqual([{ recipient: '+15550100001', body: expect.stringMatching(/^Your My app code is \d{6}$/), sender: '+15550100000' }]);
    } finally {
      gateway.close();
    }
  });

  it('@oauth-ro/ldap: logs a user in against a real OpenLDAP slapd, and refuses a wrong password', async ({ expect }) => {
    const suffix = 'dc=example,dc=org';
    const ldap = await startSlapd({
      suffix,
      ldif: `dn: ou=people,${suffix}
objectClass: organizationalUnit
ou: people

dn: cn=svc-auth,${suffix}
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: svc-auth
userPassword: svc-secret

dn: uid=jdoe,ou=people,${suffix}
objectClass: inetOrgPerson
uid: jdoe
cn: John Doe
sn: Doe
mail: jdoe@example.org
userPassword: Jdoe-passw0rd
`,
    });
    try {
      const env = { LDAP_URL: ldap.url, LDAP_BASE: suffix, LDAP_BIND_USER: `cn=svc-auth,${suffix}`, LDAP_BIND_PASSWORD: 'svc-secret', LDAP_USER_FILTER: '(uid={0})' };
      expect(await runToEnd(expect, 'ldap', env, ['jdoe', 'Jdoe-passw0rd'])).toMatch(/^logged in as ad\|corp\|\S+$/m);
      expect(await runToEnd(expect, 'ldap', env, ['jdoe', 'wrong'])).toMatch(/^refused 401 .*invalid_user_password/m);
    } finally {
      await ldap.close();
    }
  });
});

// Packages whose example needs nothing the tests above provide: run as written, to a clean exit.
const COVERED = new Set(['express', 'fastify', 'hono', 'core', 'migrate', 'store-memory', 'argon2', 'store-postgres', 'store-redis', 'waad', 'adfs', 'store-sqlite', 'senders', 'ldap']);
const others = publicPackages().filter((p) => !COVERED.has(p.dir));
describe.runIf(others.length > 0).concurrent('the README examples of the other packages run to a clean exit', () => {
  it.for(others.map((p) => p.dir))('@oauth-ro/%s', async (dir, { expect }) => {
    await runToEnd(expect, dir);
  });
});
