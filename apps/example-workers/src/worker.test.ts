import type { Metafile } from 'esbuild';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { Miniflare } from 'miniflare';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWorker } from '../scripts/bundle.mjs';

const ISSUER = 'https://auth.workers.example/';
const client = { client_id: 'worker-app', connection: 'Username-Password-Authentication' };
const ann = { email: 'ann@example.com', password: 'Ann-passw0rd!' };

let dir: string;
let bundle: string;
let metafile: Metafile;
let mf: Miniflare | undefined;
let base: URL;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oauth-ro-worker-'));
  const built = await bundleWorker({ outfile: join(dir, 'worker.js') });
  bundle = await readFile(built.outfile, 'utf8');
  metafile = built.metafile;
  // workerd itself (the binary from the `workerd` npm package), with no Node compatibility flag.
  mf = new Miniflare({
    modules: true,
    scriptPath: built.outfile,
    modulesRoot: dir,
    compatibilityDate: '2025-07-01',
    compatibilityFlags: [],
    bindings: { ISSUER },
    host: '127.0.0.1',
    port: 0,
    cf: false,
  });
  base = await mf.ready;
});
afterAll(async () => {
  await mf?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const post = (path: string, body: Record<string, string>, form = false) =>
  fetch(new URL(path, base), {
    method: 'POST',
    signal: AbortSignal.timeout(10_000),
    ...(form
      ? { body: new URLSearchParams(body) }
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

describe('the bundle', () => {
  it('imports nothing from Node: no node: specifier and no external import at all', () => {
    expect(bundle).not.toMatch(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']node:/);
    expect(bundle).not.toMatch(/["']node:[a-z_/]+["']/);
    const imports = Object.values(metafile.outputs).flatMap((output) => output.imports);
    expect(imports).toEqual([]);
  });
});

describe('oauth-ro in workerd', () => {
  it('is served by workerd, not Node', async () => {
    const res = await fetch(base, { signal: AbortSignal.timeout(10_000) });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('oauth-ro on Cloudflare-Workers');
  });

  it('signs a user up, logs them in with an id_token signed by a key in its JWKS, and answers /userinfo', async () => {
    const signup = await post('/dbconnections/signup', { ...client, ...ann });
    expect(signup.status).toBe(200);
    expect(await signup.json()).toMatchObject({ email: ann.email, email_verified: false });

    const login = await post(
      '/oauth/ro',
      { ...client, grant_type: 'password', username: ann.email, password: ann.password, scope: 'openid email' },
      true,
    );
    expect(login.status).toBe(200);
    const tokens = (await login.json()) as { access_token: string; id_token: string; token_type: string };
    expect(tokens.token_type).toBe('bearer');

    const jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', base), { timeoutDuration: 10_000 });
    const { payload, protectedHeader } = await jwtVerify(tokens.id_token, jwks, { issuer: ISSUER, audience: client.client_id });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ sub: expect.stringMatching(/^auth0\|/), email: ann.email });

    const userinfo = await fetch(new URL('/userinfo', base), {
      headers: { authorization: `Bearer ${tokens.access_token}` },
      signal: AbortSignal.timeout(10_000),
    });
    expect(userinfo.status).toBe(200);
    expect(await userinfo.json()).toMatchObject({ sub: payload.sub, email: ann.email });
  });

  it('answers a wrong password and an unknown user with the same 401 JSON error', async () => {
    for (const username of [ann.email, 'nobody@example.com']) {
      const res = await post('/oauth/ro', { ...client, grant_type: 'password', username, password: 'not-the-password', scope: 'openid' });
      expect(res.status, username).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({ error: 'invalid_user_password', error_description: 'Wrong email or password.' });
    }
  });
});
