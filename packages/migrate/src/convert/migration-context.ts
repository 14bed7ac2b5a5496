/** A plain JSON object of an Auth0 export. */
export type Auth0Record = Record<string, unknown>;

/**
 * What the converters share while one export is converted: the warnings said so far and the
 * environment variable names handed out (each secret gets its own, never a copied value).
 */
export interface MigrationContext {
  readonly warnings: string[];
  /** A new `env:NAME` reference for a secret, NAME unique in this conversion; the warning says where it goes. */
  envReference(subject: string, what: string, where: string, hint: string): string;
  /** Reads a script a deploy-cli export references by file (`./rules/name.js`); undefined if it cannot. */
  readScript?(reference: string): string | undefined;
}

/** @example isRecord({}) // true */
export function isRecord(value: unknown): value is Auth0Record {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty string, else undefined. @example stringOf('') // undefined */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * An environment variable name from words: upper case, `_` between words, starting with a letter.
 *
 * @example envName('Mobile App', 'client_secret') // 'MOBILE_APP_CLIENT_SECRET'
 */
export function envName(...words: string[]): string {
  const name = words
    .join('_')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[A-Z]/.test(name) ? name : `AUTH0_${name}`;
}

/**
 * A {@link MigrationContext} whose env references are unique (`_2`, `_3` on a clash).
 *
 * @example
 * const context = createMigrationContext();
 * context.envReference('Mobile App', 'client_secret', 'clients[0].client_secret', 'the secret from Auth0'); // 'env:MOBILE_APP_CLIENT_SECRET'
 */
export function createMigrationContext(readScript?: (reference: string) => string | undefined): MigrationContext {
  const warnings: string[] = [];
  const taken = new Set<string>();
  return {
    warnings,
    ...(readScript ? { readScript } : {}),
    envReference(subject, what, where, hint) {
      const base = envName(subject, what);
      let name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
      taken.add(name);
      warnings.push(`${where}: set the environment variable ${name} (${hint})`);
      return `env:${name}`;
    },
  };
}
