import { StartupError } from './startup-error.js';

/**
 * Zero-config mode opens sign-up for a `demo` client: a development setup. With
 * `NODE_ENV=production` and no `OAUTH_RO_CONFIG`, the server refuses to start.
 *
 * @example refuseZeroConfigInProduction(undefined, { NODE_ENV: 'production' }); // throws StartupError
 */
export function refuseZeroConfigInProduction(configFile: string | undefined, env: Readonly<Record<string, string | undefined>>): void {
  if (configFile === undefined && env.NODE_ENV?.trim() === 'production') {
    throw new StartupError(
      'NODE_ENV=production without OAUTH_RO_CONFIG: zero-config mode (open sign-up, the demo client) is for development only; set OAUTH_RO_CONFIG to a configuration file',
    );
  }
}
