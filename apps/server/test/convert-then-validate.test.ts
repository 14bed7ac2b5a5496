import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';

// The exports @oauth-ro/migrate's own tests convert: a Management API export and a deploy-cli tenant.yaml with scripts.
const FIXTURES = fileURLToPath(new URL('../../../packages/migrate/test-fixtures/auth0/', import.meta.url));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oauth-ro-convert-'));
  await cp(FIXTURES, join(dir, 'export'), { recursive: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), stdin: Readable.from(['']), env: { OAUTH_RO_DATABASE: 'sqlite::memory:', ...env } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Plausible values for the variables the converter asked for, as an operator would set them. */
function envFor(config: string): Record<string, string> {
  const names = [...config.matchAll(/"env:([A-Za-z0-9_]+)"/g)].map((m) => m[1]!);
  const value = (name: string): string => {
    if (name === 'OAUTH_RO_ISSUER') return 'https://auth.acme.example/';
    if (name.endsWith('_CLIENT_ID')) return `id-of-${name.toLowerCase()}`;
    if (name.endsWith('_LDAP_URL')) return 'ldaps://dc1.corp.acme.example';
    if (name.endsWith('_LDAP_BIND_USER')) return 'CN=svc-auth,CN=Users,DC=corp,DC=acme,DC=example';
    if (name.endsWith('_SMTP_HOST')) return 'smtp.acme.example';
    return `value-of-${name.toLowerCase()}-padded-to-be-long-enough`;
  };
  // The export has MFA on a connection: the converter's warning asks for a key-encryption key, and
  // start-up (so validate) refuses MFA without one.
  const kek: Record<string, string> = /"mfa":\s*\{\s*"active":\s*true/.test(config) ? { OAUTH_RO_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') } : {};
  return { ...Object.fromEntries(names.map((name) => [name, value(name)])), ...kek };
}

describe('oauth-ro convert, then oauth-ro config validate (the checks start-up runs)', () => {
  it.each([
    ['a Management API export: strategies included (ad, sms, email, social)', 'management-api.json', /^OK .*: issuer https:\/\/auth\.acme\.example\/, \d+ client\(s\), 7 connection\(s\)$/],
    ['a deploy-cli tenant.yaml: Rules, Actions and custom-database scripts compiled and run', 'tenant.yaml', /^OK .*: issuer https:\/\/auth\.acme\.example\/, 2 client\(s\), \d+ connection\(s\)$/],
  ])('%s', async (_name, exported, ok) => {
    const out = join(dir, `${exported}.oauth-ro.json`);
    const converted = await cli(['convert', join(dir, 'export', exported), '--out', out]);
    expect(converted.code, converted.err).toBe(0);
    const validated = await cli(['config', 'validate', out], envFor(await readFile(out, 'utf8')));
    expect(validated.err.split('\n').filter((l) => l !== '' && !l.startsWith('warning: '))).toEqual([]);
    expect(validated).toMatchObject({ code: 0, out: expect.stringMatching(ok) });
  });

  it('an export with APIs and client grants', async () => {
    const tenant = JSON.parse(await readFile(join(dir, 'export', 'management-api.json'), 'utf8')) as Record<string, unknown>;
    const clientId = (tenant.clients as Array<{ client_id: string; global?: boolean }>).find((c) => !c.global)!.client_id;
    const withApis = {
      ...tenant,
      tenant_settings: { default_directory: 'Username-Password-Authentication' },
      resource_servers: [{ id: 'notes', name: 'Notes', identifier: 'https://api.acme.example/notes', signing_alg: 'RS256', scopes: [{ value: 'read:notes' }], token_lifetime: 7200 }],
      client_grants: [{ client_id: clientId, audience: 'https://api.acme.example/notes', scope: ['read:notes'] }],
    };
    const file = join(dir, 'with-apis.json');
    await writeFile(file, JSON.stringify(withApis));
    const out = join(dir, 'with-apis.oauth-ro.json');
    expect((await cli(['convert', file, '--out', out])).code).toBe(0);
    const config = await readFile(out, 'utf8');
    expect(JSON.parse(config)).toMatchObject({ resource_servers: [{ identifier: 'https://api.acme.example/notes' }], client_grants: [{ audience: 'https://api.acme.example/notes' }] });
    expect(await cli(['config', 'validate', out], envFor(config))).toMatchObject({ code: 0 });
  });

  it('an export with MFA on a connection, validated without a key-encryption key, fails as start-up would', async () => {
    const out = join(dir, 'management-api.json.oauth-ro.json');
    expect((await cli(['convert', join(dir, 'export', 'management-api.json'), '--out', out, '--force'])).code).toBe(0);
    const { OAUTH_RO_KEY_ENCRYPTION_KEY: _kek, ...withoutKek } = envFor(await readFile(out, 'utf8'));
    const validated = await cli(['config', 'validate', out], withoutKek);
    expect(validated.code).toBe(1);
    expect(validated.err).toMatch(/connections\[\d+\]\.options\.mfa is active but OAUTH_RO_KEY_ENCRYPTION_KEY is not set/);
  });
});
