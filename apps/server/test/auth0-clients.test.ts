import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeTestCertificate, startTlsFront, type TestCertificate, type TlsFront } from '@oauth-ro/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startServerProcess, tempDir, type ServerProcess } from './spawn-server.js';

/**
 * Auth0's own client libraries, unmodified, against the real server process. Both only speak https,
 * so the server sits behind a TLS front with a certificate made for this run, and its issuer is the
 * front's https URL (the Node SDK checks it in every id_token). Each client runs in its own Node
 * process that trusts the certificate through NODE_EXTRA_CA_CERTS: verification stays on, and both
 * libraries open fresh https agents per request, which no in-process CA setting reaches.
 */

const run = promisify(execFile);
const CONNECTION = 'Username-Password-Authentication';
/** base64 of 36 bytes; the server decodes it (secret_encoded: true), and the SDK does the same. */
const HS256_SECRET = 'c2VjcmV0LWJ5dGVzLXRoYXQtYXJlLWJhc2U2NC1lbmNvZGVk';

let certificate: TestCertificate;
let temp: Awaited<ReturnType<typeof tempDir>>;
let front: TlsFront;
let server: ServerProcess;

beforeAll(async () => {
  temp = await tempDir();
  certificate = await makeTestCertificate(temp.dir);
  const port = await freePort();
  front = await startTlsFront({ cert: certificate.cert, key: certificate.key, target: { host: '127.0.0.1', port } });
  const config = join(temp.dir, 'oauth-ro.json');
  await writeFile(
    config,
    JSON.stringify({
      issuer: 'https://replaced-by-OAUTH_RO_ISSUER.example/',
      clients: [
        { client_id: 'demo', name: 'RS256 app' },
        { client_id: 'legacy-hs256', client_secret: 'env:LEGACY_SECRET', jwt_configuration: { alg: 'HS256', secret_encoded: true } },
      ],
      connections: [{ name: CONNECTION, strategy: 'auth0', enabled_clients: ['demo', 'legacy-hs256'] }],
    }),
  );
  server = await startServerProcess({
    PORT: String(port),
    OAUTH_RO_CONFIG: config,
    OAUTH_RO_DATABASE: `sqlite:${join(temp.dir, 'oauth-ro.db')}`,
    OAUTH_RO_ISSUER: `${front.url}/`,
    LEGACY_SECRET: HS256_SECRET,
  });
});

afterAll(async () => {
  await server?.kill();
  await front?.close();
  await temp?.cleanup();
});

/** Runs one client script (test/clients/*.cjs) against the front and returns its JSON report. */
async function runClient(script: string, env: Record<string, string>): Promise<Record<string, any>> {
  const { stdout } = await run(process.execPath, [fileURLToPath(new URL(`./clients/${script}`, import.meta.url))], {
    timeout: 20_000,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_EXTRA_CA_CERTS: certificate.certPath,
      NO_PROXY: '127.0.0.1,localhost',
      AUTH0_DOMAIN: front.domain,
      AUTH0_CONNECTION: CONNECTION,
      ...env,
    },
  });
  return JSON.parse(stdout) as Record<string, any>;
}

describe('auth0 Node SDK v2 (AuthenticationClient)', () => {
  it('signs up, signs in (id_token verified by the SDK), reads tokeninfo and userinfo, and reports a wrong password', async () => {
    const email = 'sdk-user@example.com';
    const report = await runClient('auth0-node-v2.cjs', {
      USER_EMAIL: email,
      USER_PASSWORD: 'Sdk-passw0rd',
      RS256_CLIENT_ID: 'demo',
      HS256_CLIENT_ID: 'legacy-hs256',
      HS256_CLIENT_SECRET: HS256_SECRET,
    });
    expect(report.signUp.result).toMatchObject({ email, email_verified: false });
    const sub = `auth0|${report.signUp.result._id}`;
    expect(report.signIn.result).toMatchObject({ token_type: 'bearer' });
    expect(typeof report.signIn.result.id_token).toBe('string');
    expect(report.tokenInfo.result).toMatchObject({ user_id: sub, email, email_verified: false });
    expect(report.tokenInfo.result.identities).toEqual([expect.objectContaining({ provider: 'auth0', connection: CONNECTION })]);
    expect(report.userInfo.result).toMatchObject({ sub, email });
    // The SDK verified an HS256 id_token with the base64-decoded client secret.
    expect(report.signInHs256.result).toMatchObject({ token_type: 'bearer' });
    expect(JSON.parse(Buffer.from(report.signInHs256.result.id_token.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'HS256' });
    expect(report.wrongPassword.error).toMatchObject({ statusCode: 401, name: 'invalid_user_password' });
  });
});

describe('auth0.js v8 (Authentication)', () => {
  it('signs up, then loginWithResourceOwner returns tokens, userInfo reads the profile, a wrong password is refused', async () => {
    const email = 'js-user@example.com';
    const report = await runClient('auth0-js-v8.cjs', { AUTH0_CLIENT_ID: 'demo', USER_EMAIL: email, USER_PASSWORD: 'Js-passw0rd!' });
    expect(report.signup.result).toMatchObject({ email, emailVerified: false });
    expect(report.login.result).toMatchObject({ tokenType: 'bearer' });
    expect(typeof report.login.result.accessToken).toBe('string');
    const claims = JSON.parse(Buffer.from(report.login.result.idToken.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ iss: `${front.url}/`, aud: 'demo', email });
    expect(report.userInfo.result).toMatchObject({ email, sub: expect.stringMatching(/^auth0\|/) });
    expect(report.wrongPassword.error).toEqual({ statusCode: 401, code: 'invalid_user_password', description: 'Wrong email or password.' });
  });
});
