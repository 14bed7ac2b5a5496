import { type OAuthRoConfig } from '@oauth-ro/core';
import { readMfaSettings } from '@oauth-ro/core/internal';
import { StartupError } from '../config/startup-error.js';
import type { ServerEnvironment } from '../env/read-environment.js';

/**
 * MFA secrets are sealed with a key derived from `OAUTH_RO_KEY_ENCRYPTION_KEY` (docs/spec.md
 * §5.9). Without it core would seal them with a key of this process only, and every enrolment would
 * be lost at the next restart: fine for zero-config development, never for a configuration file,
 * so the server refuses to start a configuration file with `options.mfa.active` and no such key.
 *
 * @example refuseMfaWithoutKek(config, env); // throws StartupError
 */
export function refuseMfaWithoutKek(config: OAuthRoConfig, env: Pick<ServerEnvironment, 'configFile' | 'keyEncryptionKey'>): void {
  if (env.configFile === undefined || env.keyEncryptionKey !== undefined) return;
  const active = (c: OAuthRoConfig['connections'][number]) => {
    try {
      return readMfaSettings(c) !== undefined;
    } catch {
      return false; // a malformed options.mfa is reported by createOAuthRo, naming its path
    }
  };
  const index = config.connections.findIndex(active);
  if (index < 0) return;
  throw new StartupError(
    `${env.configFile}: connections[${index}].options.mfa is active but OAUTH_RO_KEY_ENCRYPTION_KEY is not set: ` +
      'MFA secrets must be sealed with a key kept outside the database (openssl rand -base64 32)',
  );
}
