import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveDemo } from './serve-demo.js';

let root: string;
let demoDir: string;
let app: FastifyInstance;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'oauth-ro-demo-'));
  demoDir = join(root, 'dist');
  await mkdir(join(demoDir, 'nested'), { recursive: true });
  await writeFile(join(demoDir, 'index.html'), '<!doctype html><title>demo</title>');
  await writeFile(join(demoDir, 'app.js'), 'console.log(1)');
  await writeFile(join(demoDir, '.env'), 'SECRET=1');
  await writeFile(join(demoDir, 'notes.txt'), 'not a page file');
  await writeFile(join(demoDir, 'nested', 'inner.js'), 'inner');
  await writeFile(join(root, 'outside.js'), 'outside');
});

afterAll(() => rm(root, { recursive: true, force: true }));

afterEach(() => app?.close());

async function appWith(env: Record<string, string | undefined>): Promise<{ app: FastifyInstance; path: string | undefined }> {
  app = Fastify();
  const path = await serveDemo(app, env);
  await app.ready();
  return { app, path };
}

describe('serveDemo', () => {
  it('serves nothing unless OAUTH_RO_DEMO_DIR is set', async () => {
    const { path } = await appWith({});
    expect(path).toBeUndefined();
    expect((await app.inject('/demo/')).statusCode).toBe(404);
  });

  it('serves index.html at /demo/ and redirects /demo there, with a same-origin-only CSP', async () => {
    const { path } = await appWith({ OAUTH_RO_DEMO_DIR: demoDir });
    expect(path).toBe('/demo/');
    const page = await app.inject('/demo/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<title>demo</title>');
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const bare = await app.inject('/demo');
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/demo/');
    const script = await app.inject('/demo/app.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('serves only plain file names with a page extension, never dot files, subdirectories or parents', async () => {
    await appWith({ OAUTH_RO_DEMO_DIR: demoDir });
    for (const url of ['/demo/.env', '/demo/notes.txt', '/demo/nested/inner.js', '/demo/nested%2Finner.js', '/demo/..%2Foutside.js', '/demo/%2E%2E%2Foutside.js', '/demo/missing.js']) {
      expect((await app.inject(url)).statusCode, url).toBe(404);
    }
  });

  it('stops start-up when the directory has no index.html, naming the variable', async () => {
    await expect(serveDemo(Fastify(), { OAUTH_RO_DEMO_DIR: join(root, 'nope') })).rejects.toThrow(/^OAUTH_RO_DEMO_DIR: .*nope has no index\.html/);
  });

  it('is refused when NODE_ENV is production', async () => {
    await expect(serveDemo(Fastify(), { OAUTH_RO_DEMO_DIR: demoDir, NODE_ENV: 'production' })).rejects.toMatchObject({
      name: 'StartupError',
      message: expect.stringContaining('refused when NODE_ENV is production'),
    });
  });
});
