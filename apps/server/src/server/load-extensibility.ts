import { resolve } from 'node:path';
import type { CustomDatabase, Logger, LoginHooks, OAuthRoConfig } from '@oauth-ro/core';

/** What a configuration's Rules, Actions and custom databases add to core's deps, and how to stop them. */
export interface LoadedExtensibility {
  readonly hooks?: LoginHooks;
  readonly customDatabases?: Readonly<Record<string, CustomDatabase>>;
  close(): Promise<void>;
}

/** Whether a configuration asks for any script at all (the runner's processes start only then). */
export function usesScripts(config: OAuthRoConfig): boolean {
  return (
    (config.rules?.some((rule) => rule.enabled) ?? false) ||
    (config.actions?.length ?? 0) > 0 ||
    config.connections.some((c) => c.options.enabledDatabaseCustomization === true)
  );
}

/** Whether Rules or post-login Actions run after logins (they may ask for MFA: docs/spec.md §5.9). */
export function runsPostLoginScripts(config: OAuthRoConfig): boolean {
  return (config.rules?.some((rule) => rule.enabled) ?? false) || (config.actions?.some((a) => a.supported_triggers.includes('post-login')) ?? false);
}

/**
 * Starts the script runner (`@oauth-ro/scripts`, loaded on demand) for the configuration's Rules,
 * Actions and custom-database connections, and wires them into core as `deps.hooks` and
 * `deps.customDatabases`. Scripts' console output goes to the log at debug, tagged with the script.
 *
 * @example
 * const extensibility = await loadExtensibility(config, logger);
 * const oauthRo = await createOAuthRo({ config, deps: { ...deps, ...extensibility } });
 */
export async function loadExtensibility(config: OAuthRoConfig, logger: Logger & { debug: Logger['info'] }): Promise<LoadedExtensibility> {
  if (!usesScripts(config)) return { close: async () => {} };
  const { auth0CustomDatabase, auth0Hooks, createScriptRunner } = await import('@oauth-ro/scripts');
  const limits = config.script_runner ?? {};
  const runner = createScriptRunner({
    ...(limits.processes === undefined ? {} : { size: limits.processes }),
    ...(limits.timeout_ms === undefined ? {} : { timeoutMs: limits.timeout_ms }),
    ...(limits.cpu_ms === undefined ? {} : { cpuMs: limits.cpu_ms }),
    ...(limits.memory_mb === undefined ? {} : { memoryMb: limits.memory_mb }),
    allowHosts: limits.allow_hosts ?? [],
    ...(limits.ca_file === undefined ? {} : { caFile: resolve(limits.ca_file) }),
    onLog: (entry) => logger.debug({ script: entry.script, level: entry.level, text: entry.text }, 'script output'),
  });
  if (!(await runner.ready())) {
    await runner.close();
    throw new Error('the script runner could not start its processes (Node 20.19+ with the permission model is required)');
  }
  const post = config.actions?.filter((a) => a.supported_triggers.includes('post-login')) ?? [];
  const pre = config.actions?.filter((a) => a.supported_triggers.includes('pre-user-registration')) ?? [];
  const hooks = auth0Hooks(runner, {
    rules: config.rules ?? [],
    rulesConfiguration: config.rules_configs ?? {},
    actions: { 'post-login': post, 'pre-user-registration': pre },
    tenant: new URL(config.issuer).hostname,
  });
  const customDatabases: Record<string, CustomDatabase> = {};
  for (const connection of config.connections) {
    if (connection.options.enabledDatabaseCustomization !== true) continue;
    customDatabases[connection.name] = auth0CustomDatabase(runner, {
      connection: connection.name,
      scripts: connection.options.customScripts as Record<string, string>,
      configuration: (connection.options.configuration as Record<string, string> | undefined) ?? {},
      tenant: new URL(config.issuer).hostname,
    });
  }
  return { hooks, customDatabases, close: () => runner.close() };
}
