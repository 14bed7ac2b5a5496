import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { publishedPackages, ROOT_DIR } from '../readme-examples/public-packages.js';
import { startOAuthRo, zeroConfigLogin } from './start-oauth-ro.js';

const run = promisify(execFile);
const PUBLISHED = publishedPackages();
const VERSION = PUBLISHED.find((p) => p.name === 'oauth-ro')!.version;

let temp: string;
let app: string;

/**
 * As a user gets them: every published package packed (`pnpm pack` turns `workspace:` ranges into
 * versions), then installed from the tarballs into an empty folder with plain npm, with the one
 * install script the README tells users to allow (better-sqlite3's native build).
 */
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'oauth-ro-install-'));
  const tarballs = join(temp, 'tarballs');
  await mkdir(tarballs);
  for (const p of PUBLISHED) await run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(ROOT_DIR, p.path), timeout: 60_000 });
  app = join(temp, 'app');
  await mkdir(app);
  // npm 11 runs a dependency's install script only once approved: `allowScripts` in a project.
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'install-check', private: true, allowScripts: { 'better-sqlite3': true } }, null, 2));
  const files = (await readdir(tarballs)).map((f) => join(tarballs, f));
  expect(files).toHaveLength(PUBLISHED.length);
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files], { cwd: app, timeout: 900_000, env: { ...process.env, npm_config_nodedir: '/usr' } });
}, 960_000);

afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

const bin = () => join(app, 'node_modules/.bin/oauth-ro');

describe('the packed packages installed with npm into an empty folder', () => {
  it('provides the oauth-ro binary, which prints its version', async () => {
    const { stdout } = await run(bin(), ['--version'], { cwd: app });
    expect(stdout.trim()).toBe(VERSION);
  });

  it('starts zero-config: sign-up and login work, X-Request-Id is echoed, both probes answer, SIGTERM stops it', async () => {
    const server = await startOAuthRo(bin(), [], app, {});
    onTestFinished(() => void server.child.kill('SIGKILL'));
    const login = await zeroConfigLogin(server.url, 'installed@example.com');
    expect(login.status, await login.clone().text()).toBe(200);
    expect(login.headers.get('x-request-id')).toBe('install-login');
    expect(await login.json()).toMatchObject({ token_type: 'bearer', id_token: expect.any(String), access_token: expect.any(String) });
    const live = await fetch(`${server.url}/health/live`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'ok' }]);
    const ready = await fetch(`${server.url}/health/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ok', checks: { database: { status: 'ok' }, server: { status: 'ok' } } }]);
    // The operator lines went to stderr; stdout is JSON log lines only.
    expect(server.stdout.filter((l) => !l.startsWith('{'))).toEqual([]);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('`config validate` fails on a misspelt key, naming it and the key it resembles', async () => {
    const file = join(temp, 'typo.yaml');
    await writeFile(
      file,
      'issuer: https://auth.example.com/\nclients: [{ client_id: app }]\nconnections:\n  - { name: db, strategy: auth0, enabeld_clients: [app] }\n',
    );
    const failed = await run(bin(), ['config', 'validate', file], { cwd: app }).then(() => undefined, (error: { code: number; stderr: string }) => error);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`${file}: connections[0].enabeld_clients: unknown key; did you mean "enabled_clients"?`);
  });

  it('`convert` runs through the installed @oauth-ro/migrate, and `migrate status` through the installed store', async () => {
    const tenant = join(temp, 'tenant.json');
    await writeFile(tenant, JSON.stringify({ clients: [{ client_id: 'abc123', name: 'Mobile' }], connections: [{ name: 'db', strategy: 'auth0', enabled_clients: ['abc123'], options: {} }] }));
    const { stdout } = await run(bin(), ['convert', tenant], { cwd: app });
    expect((JSON.parse(stdout) as { clients: unknown[] }).clients).toEqual([expect.objectContaining({ client_id: 'abc123' })]);
    const env = { ...process.env, OAUTH_RO_DATABASE: `sqlite:${join(temp, 'status', 'oauth-ro.db')}` };
    const pending = await run(bin(), ['migrate', 'status'], { cwd: app, env }).then(() => undefined, (error: { code: number; stdout: string }) => error);
    expect(pending?.code).toBe(1);
    expect(pending?.stdout).toMatch(/: 0 applied, \d+ pending\n/);
    await run(bin(), ['migrate', 'up'], { cwd: app, env });
    expect((await run(bin(), ['migrate', 'status'], { cwd: app, env })).stdout).toMatch(/: \d+ applied, 0 pending\n/);
  });

  it.each(PUBLISHED.filter((p) => p.bins.length === 0).map((p) => p.name))('%s loads with import and require', async (name) => {
    const script = `const m = require(${JSON.stringify(name)}); import(${JSON.stringify(name)}).then((e) => { if (!Object.keys(m).length || !Object.keys(e).length) process.exit(1); })`;
    await run(process.execPath, ['-e', script], { cwd: app, timeout: 30_000 });
  });
});
