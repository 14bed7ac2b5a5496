import type { OAuthRoConfig } from '@oauth-ro/core';
import { defaultIssuer } from '../env/default-issuer.js';
import type { ServerEnvironment } from '../env/read-environment.js';
import { loadConfigFile } from './load-config-file.js';
import { zeroConfig } from './zero-config.js';

/**
 * The configuration the server runs with: the file `OAUTH_RO_CONFIG` names, or zero-config. The
 * server and the administration CLI both read it here, so they always agree on clients and
 * connections. A bad file throws a `StartupError` naming the file and the path in it.
 *
 * @example
 * const env = readEnvironment(process.env);
 * const config = await loadServerConfig(env, process.env);
 */
export async function loadServerConfig(
  env: ServerEnvironment,
  processEnv: Readonly<Record<string, string | undefined>>,
  onWarning?: (line: string) => void,
): Promise<OAuthRoConfig> {
  return env.configFile
    ? await loadConfigFile(env.configFile, { env: processEnv, ...(env.issuer === undefined ? {} : { issuer: env.issuer }), ...(onWarning ? { onWarning } : {}) })
    : zeroConfig(env.issuer ?? defaultIssuer(env.host, env.port));
}
