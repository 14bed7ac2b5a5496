import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedPackages } from '../readme-examples/public-packages.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CHANGESET_BIN = join(ROOT, 'node_modules/@changesets/cli/bin.js');
const run = promisify(execFile);
const PUBLIC = publishedPackages();

/** Every workspace folder with a package.json, relative to the root (`packages/core`, `apps/server`, …). */
function workspaceDirs(): string[] {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(ROOT, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(ROOT, group, entry.name, 'package.json')))
      .map((entry) => `${group}/${entry.name}`),
  );
}

async function manifest(dir: string): Promise<{ name: string; version: string; private?: boolean; dependencies?: Record<string, string> }> {
  return JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
}

describe('the changesets release flow', () => {
  it('has the root scripts and a config whose fixed group is exactly the published packages', async () => {
    const root = await manifest(ROOT) as unknown as { scripts: Record<string, string> };
    expect(root.scripts.changeset).toBe('changeset');
    expect(root.scripts['version-packages']).toBe('changeset version');
    expect(root.scripts.release).toMatch(/pnpm -r publish$/);
    const config = JSON.parse(await readFile(join(ROOT, '.changeset/config.json'), 'utf8')) as { fixed: string[][]; privatePackages: unknown };
    expect(config.fixed).toHaveLength(1);
    expect([...config.fixed[0]!].sort()).toEqual(PUBLIC.map((p) => p.name).sort());
    expect(config.privatePackages).toEqual({ version: false, tag: false });
  });

  describe('`changeset version` on a copy of the workspace', () => {
    let copy: string;
    beforeAll(async () => {
      copy = await mkdtemp(join(tmpdir(), 'oauth-ro-release-'));
      for (const file of ['package.json', 'pnpm-workspace.yaml']) await cp(join(ROOT, file), join(copy, file));
      await cp(join(ROOT, '.changeset'), join(copy, '.changeset'), { recursive: true });
      for (const dir of workspaceDirs()) {
        await cp(join(ROOT, dir, 'package.json'), join(copy, dir, 'package.json'), { recursive: true });
        if (existsSync(join(ROOT, dir, 'CHANGELOG.md'))) await cp(join(ROOT, dir, 'CHANGELOG.md'), join(copy, dir, 'CHANGELOG.md'));
      }
      // The changelog generator is resolved from the project, as in the real tree.
      await symlink(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
      await writeFile(join(copy, '.changeset/packaging-check.md'), '---\n"@oauth-ro/core": patch\n---\n\nRelease-flow check: only core changed.\n');
      await run(process.execPath, [CHANGESET_BIN, 'version'], { cwd: copy, timeout: 60_000 });
    });
    afterAll(async () => {
      if (copy) await rm(copy, { recursive: true, force: true });
    });

    it('bumps every published package to one new version, a changeset naming only core included', async () => {
      const versions = await Promise.all(PUBLIC.map(async (p) => (await manifest(join(copy, p.path))).version));
      expect(new Set(versions).size).toBe(1);
      const [next] = versions;
      for (const p of PUBLIC) expect(next, p.name).not.toBe(p.version);
      expect(next).toMatch(/^\d+\.\d+\.\d+$/);
    });

    it('writes a CHANGELOG for each with the new version and the changeset sentence', async () => {
      for (const p of PUBLIC) {
        const { version } = await manifest(join(copy, p.path));
        const changelog = await readFile(join(copy, p.path, 'CHANGELOG.md'), 'utf8');
        expect(changelog, p.name).toContain(`## ${version}`);
        if (p.name === '@oauth-ro/core') expect(changelog).toContain('Release-flow check: only core changed.');
      }
    });

    it('leaves private packages and workspace: ranges alone, and consumes the changesets', async () => {
      for (const dir of workspaceDirs()) {
        const before = await manifest(join(ROOT, dir));
        const after = await manifest(join(copy, dir));
        if (before.private) expect(after.version, dir).toBe(before.version);
        for (const [name, range] of Object.entries(before.dependencies ?? {})) {
          if (range.startsWith('workspace:')) expect(after.dependencies?.[name], `${dir} → ${name}`).toBe(range);
        }
      }
      const left = (await readdir(join(copy, '.changeset'))).filter((f) => f.endsWith('.md') && f !== 'README.md');
      expect(left).toEqual([]);
    });
  });
});

describe('`pnpm -r publish --dry-run` in the real tree', () => {
  /** package.json files and any tarball in the published packages, to prove nothing was written. */
  async function fingerprint(): Promise<string> {
    const hash = createHash('sha256');
    for (const p of PUBLIC) {
      const dir = join(ROOT, p.path);
      hash.update(p.path).update(await readFile(join(dir, 'package.json')));
      for (const file of await readdir(dir)) if (file.endsWith('.tgz')) hash.update(file);
    }
    return hash.digest('hex');
  }

  it('passes for every published package and writes nothing', async () => {
    const before = await fingerprint();
    const { stdout, stderr } = await run('pnpm', ['-r', 'publish', '--dry-run', '--no-git-checks'], { cwd: ROOT, timeout: 60_000 });
    const output = `${stdout}\n${stderr}`;
    for (const p of PUBLIC) expect(output, p.name).toContain(`${p.name}@${p.version}`);
    expect(output).not.toMatch(/@oauth-ro\/(test-kit|packaging|bench|server|demo-web|example-)/);
    expect(await fingerprint()).toBe(before);
  });

  it.each(PUBLIC.map((p) => [p.name, p.path, p.bins.length > 0]))('%s packs dist, README.md and package.json, and no sources or tests', async (name, dir, isCli) => {
    const { stdout } = await run('pnpm', ['pack', '--dry-run', '--json'], { cwd: join(ROOT, dir), timeout: 30_000 });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    // A library ships ESM, CJS and types; the server and CLI ships its one bundled entry point.
    const entry = isCli ? ['dist/main.js'] : ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts'];
    // The configuration's JSON Schema, for "$schema" in a configuration file.
    const schema = name === '@oauth-ro/core' || name === 'oauth-ro' ? ['config.schema.json'] : [];
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', ...entry, ...schema]));
    expect(files.filter((f) => !f.startsWith('dist/') && f !== 'package.json' && f !== 'README.md' && !schema.includes(f) && !/^(LICENSE|CHANGELOG)/i.test(f))).toEqual([]);
    expect(files.filter((f) => /\.test\.|\.ts$/.test(f) && !f.endsWith('.d.ts') && !f.endsWith('.d.cts'))).toEqual([]);
  });
});
