import { StartupError } from '../config/startup-error.js';

/** Where `/metrics` and the probes are served when they leave the public port. */
export interface ManagementEnvironment {
  /** `OAUTH_RO_MANAGEMENT_PORT`: unset keeps them on `PORT`. */
  readonly managementPort?: number;
  /** `OAUTH_RO_MANAGEMENT_HOST`: default `HOST`. */
  readonly managementHost?: string;
}

/**
 * Reads `OAUTH_RO_MANAGEMENT_PORT` and `OAUTH_RO_MANAGEMENT_HOST`; a bad port names the variable.
 *
 * @example readManagementEnvironment({ OAUTH_RO_MANAGEMENT_PORT: '9464' }); // { managementPort: 9464 }
 */
export function readManagementEnvironment(env: Readonly<Record<string, string | undefined>>): ManagementEnvironment {
  const port = env.OAUTH_RO_MANAGEMENT_PORT?.trim();
  const host = env.OAUTH_RO_MANAGEMENT_HOST?.trim();
  if (port === undefined || port === '') return host ? { managementHost: host } : {};
  if (!/^\d+$/.test(port) || Number(port) > 65535) {
    throw new StartupError(`OAUTH_RO_MANAGEMENT_PORT: must be a port number from 0 to 65535, got ${JSON.stringify(port)}`);
  }
  return { managementPort: Number(port), ...(host ? { managementHost: host } : {}) };
}
