import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ROOT_DIR } from '../readme-examples/public-packages.js';
import { startOAuthRo, zeroConfigLogin } from './start-oauth-ro.js';

const run = promisify(execFile);
let temp: string;
let deployed: string;

/** What the Dockerfile's build stage does: `pnpm deploy` of the server, production dependencies only. */
beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'oauth-ro-deploy-'));
  deployed = join(temp, 'app');
  await run('pnpm', ['--filter=oauth-ro', 'deploy', '--prod', deployed], { cwd: ROOT_DIR, timeout: 300_000, env: { ...process.env, npm_config_nodedir: '/usr' } });
}, 320_000);

afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe('the `pnpm deploy` folder (the container image’s /app)', () => {
  it('runs from a clean directory with plain node, as the image’s entry point does, keeping its data in /data', async () => {
    const work = join(temp, 'clean');
    await mkdir(work);
    const data = join(temp, 'data');
    const server = await startOAuthRo(process.execPath, [join(deployed, 'dist/main.js')], work, {
      HOST: '127.0.0.1',
      OAUTH_RO_DATABASE: `sqlite:${join(data, 'oauth-ro.db')}`,
    });
    onTestFinished(() => void server.child.kill('SIGKILL'));
    const login = await zeroConfigLogin(server.url, 'deployed@example.com');
    expect(login.status, await login.clone().text()).toBe(200);
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('holds no devDependencies and no workspace symlink out of the folder', async () => {
    const { stdout } = await run('find', [join(deployed, 'node_modules'), '-maxdepth', '3', '-type', 'l', '-lname', `${ROOT_DIR}*`]);
    expect(stdout.trim()).toBe('');
    const { stdout: listing } = await run('ls', [join(deployed, 'node_modules')]);
    const names = listing.split('\n');
    expect(names).toContain('@oauth-ro');
    for (const dev of ['vitest', 'tsup', 'typescript', '@oauth-ro/test-kit']) expect(names, dev).not.toContain(dev);
  });
});
