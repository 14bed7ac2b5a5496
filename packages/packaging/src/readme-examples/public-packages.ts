import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's `packages/` folder. */
export const PACKAGES_DIR = fileURLToPath(new URL('../../../', import.meta.url));

/** A published workspace package: its folder under `packages/` and its manifest. */
export interface PublicPackage {
  readonly dir: string;
  readonly name: string;
  readonly version: string;
  readonly files: readonly string[];
}

/**
 * Every package under `packages/` that is published (not `private`), read from its package.json.
 *
 * @example publicPackages().map((p) => p.name); // ['@oauth-ro/adfs', '@oauth-ro/argon2', …]
 */
export function publicPackages(): PublicPackage[] {
  return readdirSync(PACKAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      let manifest: { name: string; version: string; private?: boolean; files?: string[] };
      try {
        manifest = JSON.parse(readFileSync(`${PACKAGES_DIR}${entry.name}/package.json`, 'utf8')) as typeof manifest;
      } catch {
        return [];
      }
      if (manifest.private) return [];
      return [{ dir: entry.name, name: manifest.name, version: manifest.version, files: manifest.files ?? [] }];
    });
}

/** A published workspace package anywhere in the workspace: its folder relative to the root. */
export interface PublishedPackage {
  /** `packages/core`, `apps/server`, … */
  readonly path: string;
  readonly name: string;
  readonly version: string;
  /** The executables it installs (`oauth-ro`), empty for a library. */
  readonly bins: readonly string[];
}

/** The repository's root folder. */
export const ROOT_DIR = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Every published (not `private`) package of the workspace: the libraries under `packages/` and the
 * `oauth-ro` server and CLI under `apps/server`.
 *
 * @example publishedPackages().map((p) => p.path); // ['packages/adfs', …, 'apps/server']
 */
export function publishedPackages(): PublishedPackage[] {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(`${ROOT_DIR}${group}`, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => {
        let manifest: { name: string; version: string; private?: boolean; bin?: Record<string, string> };
        try {
          manifest = JSON.parse(readFileSync(`${ROOT_DIR}${group}/${entry.name}/package.json`, 'utf8')) as typeof manifest;
        } catch {
          return [];
        }
        if (manifest.private) return [];
        return [{ path: `${group}/${entry.name}`, name: manifest.name, version: manifest.version, bins: Object.keys(manifest.bin ?? {}) }];
      }),
  );
}
