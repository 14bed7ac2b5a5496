import type { ServerEnvironment } from '../env/read-environment.js';

/**
 * The operator line the standalone server prints (and logs at `warn`) when it runs from a
 * configuration file without `OAUTH_RO_KEY_ENCRYPTION_KEY`: the private signing keys then sit in the
 * database as plain JWKs, and whoever reads a backup or the file can sign tokens for every user.
 * Zero-config mode (development) stays quiet. Undefined when there is nothing to say.
 *
 * @example
 * const warning = unsealedKeysWarning(env);
 * if (warning) print(warning);
 */
export function unsealedKeysWarning(env: Pick<ServerEnvironment, 'configFile' | 'keyEncryptionKey'>): string | undefined {
  if (env.configFile === undefined || env.keyEncryptionKey !== undefined) return undefined;
  return (
    'WARNING: OAUTH_RO_KEY_ENCRYPTION_KEY is not set: the private signing keys are stored UNSEALED in the database ' +
    '(anyone who can read it or a backup can sign tokens for any user). Set it (openssl rand -base64 32) and run ' +
    '`oauth-ro keys rotate` to seal them; see docs/security.md.'
  );
}
