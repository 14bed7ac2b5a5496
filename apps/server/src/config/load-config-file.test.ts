import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from './load-config-file.js';
import { StartupError } from './startup-error.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oauth-ro-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

async function failure(file: string, env: Record<string, string> = {}, issuer?: string): Promise<string> {
  const error = await loadConfigFile(file, { env, ...(issuer ? { issuer } : {}) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartupError);
  return (error as Error).message;
}

const GOOD_YAML = `
issuer: https://auth.example.com
clients:
  - client_id: mobile-app
    client_secret: env:MOBILE_SECRET
    jwt_configuration: { alg: HS256, lifetime_in_seconds: 600 }
connections:
  - name: Username-Password-Authentication
    strategy: auth0
    enabled_clients: [mobile-app]
    options: { brute_force_protection: true }
`;

describe('loadConfigFile', () => {
  it('loads YAML, resolves env: secrets and applies core defaults', async () => {
    const file = await write('good.yaml', GOOD_YAML);
    const config = await loadConfigFile(file, { env: { MOBILE_SECRET: 'a-mobile-secret-of-32-characters' } });
    expect(config.issuer).toBe('https://auth.example.com/');
    expect(config.clients[0]).toMatchObject({
      client_id: 'mobile-app',
      client_secret: 'a-mobile-secret-of-32-characters',
      jwt_configuration: { alg: 'HS256', lifetime_in_seconds: 600, secret_encoded: false },
    });
    expect(config.connections[0]).toMatchObject({ strategy: 'auth0', enabled_clients: ['mobile-app'] });
  });

  it('loads the same configuration from JSON, and OAUTH_RO_ISSUER replaces the issuer', async () => {
    const file = await write(
      'good.json',
      JSON.stringify({ issuer: 'https://ignored.example/', clients: [{ client_id: 'a' }], connections: [] }),
    );
    const config = await loadConfigFile(file, { env: {}, issuer: 'https://front.example/' });
    expect(config.issuer).toBe('https://front.example/');
  });

  it('names the file, the path and the problem for a bad strategy', async () => {
    const file = await write(
      'oauth-ro.yaml',
      `${GOOD_YAML}  - name: corp\n    strategy: kerberos\n    enabled_clients: [mobile-app]\n`,
    );
    expect(await failure(file, { MOBILE_SECRET: 'a-mobile-secret-of-32-characters' })).toBe(
      `${file}: connections[1].strategy: must be one of auth0, sms, email, ad, waad, adfs, facebook, google-oauth2, apple`,
    );
  });

  it('names the path of an env: reference whose variable is not set', async () => {
    const file = await write('missing-env.yaml', GOOD_YAML);
    expect(await failure(file)).toBe(`${file}: clients[0].client_secret: environment variable MOBILE_SECRET is not set`);
  });

  it('reports what core validation finds, by path', async () => {
    const file = await write('unknown-client.json', JSON.stringify({
      issuer: 'https://a.example/',
      clients: [{ client_id: 'a' }],
      connections: [{ name: 'db', strategy: 'auth0', enabled_clients: ['a', 'b'] }],
    }));
    expect(await failure(file)).toBe(`${file}: connections[0].enabled_clients[1]: names unknown client "b"`);
  });

  it('refuses Rules, Actions and custom-database scripts that do not compile, by path, without running them', async () => {
    const base = { issuer: 'https://a.example/', clients: [{ client_id: 'a' }] };
    const rule = await write('bad-rule.json', JSON.stringify({ ...base, connections: [], rules: [{ name: 'ok', script: 'function (u, c, cb) { cb(null, u, c); }' }, { name: 'bad', script: 'function (user, context, callback) { callback(null, user, context' }] }));
    expect(await failure(rule)).toMatch(new RegExp(`^${rule}: rules\\[1\\]\\.script: does not compile \\(SyntaxError: `));
    const action = await write('bad-action.json', JSON.stringify({ ...base, connections: [], actions: [{ name: 'x', code: 'exports.onExecutePostLogin = async (event, api) => {' }] }));
    expect(await failure(action)).toMatch(/actions\[0\]\.code: does not compile/);
    const db = await write('bad-db.json', JSON.stringify({ ...base, connections: [{ name: 'legacy', strategy: 'auth0', enabled_clients: ['a'], options: { enabledDatabaseCustomization: true, customScripts: { login: 'function login(email, password, callback) { throw }' } } }] }));
    expect(await failure(db)).toMatch(/connections\[0\]\.options\.customScripts\.login: does not compile/);
    const missing = await write('no-login.json', JSON.stringify({ ...base, connections: [{ name: 'legacy', strategy: 'auth0', enabled_clients: ['a'], options: { enabledDatabaseCustomization: true, customScripts: { get_user: 'function (e, cb) { cb(null); }' } } }] }));
    expect(await failure(missing)).toBe(`${missing}: connections[0].options.customScripts.login: must be a non-empty string`);
    const runs = await write('runs.json', JSON.stringify({ ...base, connections: [], rules: [{ name: 'r', script: '(function () { throw new Error("ran") })() || function (u, c, cb) { cb(null, u, c); }' }] }));
    await expect(loadConfigFile(runs, { env: {} })).resolves.toMatchObject({ rules: [{ name: 'r' }] });
  });

  it('asks for an issuer when neither the file nor OAUTH_RO_ISSUER gives one', async () => {
    const file = await write('no-issuer.json', '{"clients": [], "connections": []}');
    expect(await failure(file)).toBe(`${file}: issuer: is required (or set OAUTH_RO_ISSUER)`);
  });

  it('says when the file does not exist, or is not an object', async () => {
    const missing = join(dir, 'nope.yaml');
    expect(await failure(missing)).toBe(`${missing}: the file does not exist`);
    const list = await write('list.yaml', '- a\n- b\n');
    expect(await failure(list)).toBe(`${list}: (root): must be an object`);
  });
});
