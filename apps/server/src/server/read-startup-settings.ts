import type { OAuthRoConfig } from '@oauth-ro/core';
import { loadServerConfig } from '../config/load-server-config.js';
import { refuseZeroConfigInProduction } from '../config/refuse-zero-config-in-production.js';
import { readEnvironment, type ServerEnvironment } from '../env/read-environment.js';
import { readManagementEnvironment, type ManagementEnvironment } from '../env/read-management-environment.js';
import { readMigrateSetting } from '../env/read-migrate-setting.js';
import { readShutdownEnvironment, type ShutdownEnvironment } from '../env/read-shutdown-environment.js';
import { readTimeouts, type ServerTimeouts } from '../env/read-timeouts.js';
import { readTracingEnvironment, type TracingEnvironment } from '../env/read-tracing-environment.js';
import { refuseMfaWithoutKek } from './refuse-mfa-without-kek.js';

/** Everything start-up reads from the environment and the configuration file, validated. */
export interface StartupSettings {
  readonly env: ServerEnvironment;
  readonly timeouts: ServerTimeouts;
  readonly shutdown: ShutdownEnvironment;
  readonly management: ManagementEnvironment;
  /** `OAUTH_RO_MIGRATE`. */
  readonly migrate: boolean;
  /** OpenTelemetry export (`OTEL_EXPORTER_OTLP_ENDPOINT`…); undefined when tracing is off. */
  readonly tracing: TracingEnvironment | undefined;
  readonly config: OAuthRoConfig;
}

/**
 * Reads and checks the environment and the configuration (file or zero-config) the way start-up
 * does; `oauth-ro config validate` calls the same function, so the two cannot drift. Every
 * operator mistake throws a `StartupError` naming the variable, or the file and the path in it.
 *
 * @example
 * const { env, config } = await readStartupSettings(process.env, (line) => console.error(`warning: ${line}`));
 */
export async function readStartupSettings(
  processEnv: Readonly<Record<string, string | undefined>>,
  onWarning?: (line: string) => void,
): Promise<StartupSettings> {
  const env = readEnvironment(processEnv);
  const timeouts = readTimeouts(processEnv);
  const shutdown = readShutdownEnvironment(processEnv);
  const management = readManagementEnvironment(processEnv);
  const migrate = readMigrateSetting(processEnv);
  const tracing = readTracingEnvironment(processEnv);
  refuseZeroConfigInProduction(env.configFile, processEnv);
  const config = await loadServerConfig(env, processEnv, onWarning);
  refuseMfaWithoutKek(config, env);
  return { env, timeouts, shutdown, management, migrate, tracing, config };
}
