import { readFileSync } from 'node:fs';
import { StartupError } from '../config/startup-error.js';

/** The variables that may carry a secret, each readable from a file through `<NAME>_FILE`. */
export const SECRET_VARIABLES = [
  'OAUTH_RO_KEY_ENCRYPTION_KEY',
  'OAUTH_RO_CODE_HASH_KEY',
  'OAUTH_RO_ADMIN_TOKEN',
  'OAUTH_RO_DATABASE',
  'OAUTH_RO_REDIS',
] as const;

/**
 * `<NAME>_FILE=/run/secrets/…` for every variable of {@link SECRET_VARIABLES} (Docker and Kubernetes
 * secrets): the file's content, one trailing newline removed, becomes `<NAME>`. Returns the values to
 * add; setting both `<NAME>` and `<NAME>_FILE`, or a file that cannot be read, is a start-up error
 * naming the variable (never the content).
 *
 * @example Object.assign(process.env, readSecretFiles(process.env));
 */
export function readSecretFiles(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SECRET_VARIABLES) {
    const file = env[`${name}_FILE`]?.trim();
    if (file === undefined || file === '') continue;
    if (env[name] !== undefined && env[name].trim() !== '') throw new StartupError(`${name}_FILE: ${name} is set too; set one of them`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new StartupError(`${name}_FILE: cannot read ${file} (${code === 'ENOENT' ? 'the file does not exist' : String(code ?? error)})`);
    }
    out[name] = text.replace(/\r?\n$/, '');
  }
  return out;
}
