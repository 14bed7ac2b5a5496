import { readFile } from 'node:fs/promises';
import { ConfigurationError, normalizeConfig, type OAuthRoConfig } from '@oauth-ro/core';
import { checkConfigKeys } from '@oauth-ro/core/internal';
import { parseConfigText } from './parse-config-text.js';
import { resolveEnvReferences } from './resolve-env-references.js';
import { resolveFileReferences } from './resolve-file-references.js';
import { StartupError } from './startup-error.js';
import { usesScripts } from '../server/load-extensibility.js';

/** Options of {@link loadConfigFile}. */
export interface LoadConfigFileOptions {
  /** Where `"env:NAME"` values are read from (normally `process.env`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Replaces the file's `issuer` (from `OAUTH_RO_ISSUER`). */
  readonly issuer?: string;
  /** Called with each warning (`file: path: …`), e.g. Auth0 settings that do not carry over. */
  readonly onWarning?: (line: string) => void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeReadError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES') return 'the file cannot be read (permission denied)';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return `the file cannot be read (${error instanceof Error ? error.message : String(error)})`;
}

/** Rules, Actions and custom-database scripts must compile (checked without running them). */
async function checkConfiguredScripts(config: OAuthRoConfig): Promise<void> {
  if (!usesScripts(config)) return;
  const { checkScripts } = await import('@oauth-ro/scripts');
  const [first] = checkScripts(config);
  if (first) throw new ConfigurationError(first.path, `does not compile (${first.problem})`);
}

/**
 * Reads a configuration file (JSON or YAML), resolves `"env:NAME"` values, applies the issuer
 * override and validates the result with core's `normalizeConfig`. Every problem becomes one
 * {@link StartupError} naming the file, the path in it and what is wrong, e.g.
 * `oauth-ro.yaml: connections[1].strategy: must be one of auth0, sms, email, ad, waad, adfs, facebook, google-oauth2, apple`.
 *
 * @example
 * const config = await loadConfigFile('oauth-ro.yaml', { env: process.env });
 */
export async function loadConfigFile(file: string, options: LoadConfigFileOptions): Promise<OAuthRoConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new StartupError(`${file}: ${describeReadError(error)}`);
  }
  const parsed = parseConfigText(text, file);
  try {
    const resolved = resolveEnvReferences(resolveFileReferences(parsed, file), options.env);
    const raw = options.issuer !== undefined && isRecord(resolved) ? { ...resolved, issuer: options.issuer } : resolved;
    if (isRecord(raw) && raw.issuer === undefined) {
      throw new ConfigurationError('issuer', 'is required (or set OAUTH_RO_ISSUER)');
    }
    for (const warning of checkConfigKeys(raw)) options.onWarning?.(`${file}: ${warning}`);
    const config = normalizeConfig(raw);
    await checkConfiguredScripts(config);
    return config;
  } catch (error) {
    if (error instanceof ConfigurationError) throw new StartupError(`${file}: ${error.path}: ${error.problem}`);
    throw error;
  }
}
