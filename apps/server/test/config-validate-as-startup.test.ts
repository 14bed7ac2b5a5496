import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { StartupError } from '../src/config/startup-error.js';
import { startServer } from '../src/server/start-server.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oauth-ro-validate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CLIENT = { client_id: 'app', name: 'App' };
const database = { name: 'db', strategy: 'auth0', enabled_clients: ['app'] };

/** A configuration with one more connection (and whatever else `extra` adds). */
function withConnection(connection: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { issuer: 'https://auth.example.com/', clients: [CLIENT], connections: [database, { enabled_clients: ['app'], ...connection }], ...extra };
}

const ENV = { OAUTH_RO_DATABASE: 'sqlite::memory:', PORT: '0', HOST: '127.0.0.1', OAUTH_RO_PRUNE_INTERVAL_SECONDS: '0', OAUTH_RO_LOG_LEVEL: 'silent' };

/** `oauth-ro config validate <file>`, in-process. */
async function validate(file: string, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['config', 'validate', file], { out: (l) => out.push(l), err: (l) => err.push(l), stdin: Readable.from(['']), env: { ...ENV, ...env } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Start-up on the same file: the StartupError message, or undefined when it started (then stopped). */
async function startUp(file: string, env: Record<string, string> = {}): Promise<string | undefined> {
  try {
    const server = await startServer({ ...ENV, ...env, OAUTH_RO_CONFIG: file }, () => {});
    await server.stop();
    return undefined;
  } catch (error) {
    if (error instanceof StartupError) return error.message;
    throw error;
  }
}

let files = 0;
async function configFile(config: unknown): Promise<string> {
  files += 1;
  const file = join(dir, `config-${files}.json`);
  await writeFile(file, JSON.stringify(config));
  return file;
}

const KINDS: ReadonlyArray<readonly [kind: string, config: unknown, path: RegExp]> = [
  ['an ad connection with a bad url (ldap package)', withConnection({ name: 'corp', strategy: 'ad', options: { ldap_url: 'http://dc1.corp.example', ldap_base: 'DC=corp', ldap_bind_user: 'svc', ldap_bind_password: 'pw' } }), /connections\[1\]\.options\.ldap_url: /],
  ['a waad connection without its tenant (waad package)', withConnection({ name: 'entra', strategy: 'waad', options: { client_id: 'x', client_secret: 'y' } }), /connections\[1\]\.options\./],
  ['an adfs connection with a bad server (adfs package)', withConnection({ name: 'fabrikam', strategy: 'adfs', options: { adfs_server: 'not a url' } }), /connections\[1\]\.options\./],
  ['an sms connection whose provider lacks its options (senders)', withConnection({ name: 'sms', strategy: 'sms', options: { provider: 'twilio', from: '+15550100000' } }), /connections\[1\]\.options\./],
  ['an sms connection with an impossible code length (core at creation)', withConnection({ name: 'sms', strategy: 'sms', options: { provider: 'sms_gateway', gateway_url: 'https://sms.example.com/send', from: '+15550100000', totp: { length: 99, time_step: 180 } } }), /connections\[1\]\.options\.totp/],
  ['a Rule that does not compile (scripts)', { ...withConnection({ name: 'db2', strategy: 'auth0' }), rules: [{ name: 'broken', script: 'function (user, context, callback) { callback(null, user, context', enabled: true, order: 1 }] }, /rules\[0\]/],
  ['a misspelt key (core normalisation)', withConnection({ name: 'db2', strategy: 'auth0', enabeld_clients: ['app'] }), /connections\[1\]\.enabeld_clients: unknown key/],
];

describe('oauth-ro config validate runs the checks start-up runs', () => {
  it.for(KINDS)('fails where start-up fails, with the same line: %s', async ([, config, path]) => {
    const file = await configFile(config);
    const startup = await startUp(file);
    const validated = await validate(file);
    expect(startup).toMatch(path);
    expect(validated).toEqual({ code: 1, out: '', err: startup });
  });

  it('says OK where start-up starts, and fails on the environment start-up refuses', async () => {
    const file = await configFile(withConnection({ name: 'db2', strategy: 'auth0' }));
    expect(await startUp(file)).toBeUndefined();
    expect(await validate(file)).toEqual({ code: 0, out: `OK ${file}: issuer https://auth.example.com/, 1 client(s), 2 connection(s)`, err: '' });
    const env = { OAUTH_RO_MIGRATE: 'later' };
    const refused = await startUp(file, env);
    expect(refused).toBe('OAUTH_RO_MIGRATE: must be true or false, got "later"');
    expect(await validate(file, env)).toEqual({ code: 1, out: '', err: refused });
  });
});
