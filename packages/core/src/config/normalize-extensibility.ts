import { ConfigurationError } from '../errors/oauth-error.js';
import type { ActionConfig, ConnectionConfig, RuleConfig, ScriptRunnerConfig } from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigurationError(path, 'must be a non-empty string');
  return value;
}

function stringMap(value: unknown, path: string): Record<string, string> {
  if (value === undefined) return {};
  if (!isRecord(value)) throw new ConfigurationError(path, 'must be an object of strings');
  for (const [key, entry] of Object.entries(value)) if (typeof entry !== 'string') throw new ConfigurationError(`${path}.${key}`, 'must be a string');
  return value as Record<string, string>;
}

const TRIGGERS = ['post-login', 'pre-user-registration'] as const;
const CUSTOM_SCRIPTS = ['login', 'get_user', 'create', 'verify', 'change_password', 'delete'] as const;

function normalizeRule(raw: unknown, path: string): RuleConfig {
  if (!isRecord(raw)) throw new ConfigurationError(path, 'must be an object');
  if (raw.order !== undefined && (typeof raw.order !== 'number' || !Number.isFinite(raw.order))) throw new ConfigurationError(`${path}.order`, 'must be a number');
  if (raw.enabled !== undefined && typeof raw.enabled !== 'boolean') throw new ConfigurationError(`${path}.enabled`, 'must be true or false');
  if (raw.stage !== undefined && raw.stage !== 'login_success') throw new ConfigurationError(`${path}.stage`, 'only login_success rules are supported');
  return {
    name: text(raw.name, `${path}.name`),
    script: text(raw.script, `${path}.script`),
    ...(raw.order === undefined ? {} : { order: raw.order }),
    enabled: raw.enabled !== false,
  };
}

function normalizeAction(raw: unknown, path: string): ActionConfig {
  if (!isRecord(raw)) throw new ConfigurationError(path, 'must be an object');
  const triggers = raw.supported_triggers ?? [{ id: 'post-login' }];
  if (!Array.isArray(triggers) || triggers.length === 0) throw new ConfigurationError(`${path}.supported_triggers`, 'must be a non-empty array');
  const ids = triggers.map((t, i) => {
    const id = isRecord(t) ? t.id : undefined;
    if (!TRIGGERS.includes(id as (typeof TRIGGERS)[number])) {
      throw new ConfigurationError(`${path}.supported_triggers[${i}].id`, `must be one of ${TRIGGERS.join(', ')} (other triggers do not run on /oauth/ro)`);
    }
    return id as (typeof TRIGGERS)[number];
  });
  const rawSecrets = raw.secrets ?? [];
  if (!Array.isArray(rawSecrets)) throw new ConfigurationError(`${path}.secrets`, 'must be an array of { name, value }');
  const secrets: Record<string, string> = {};
  rawSecrets.forEach((s, i) => {
    if (!isRecord(s)) throw new ConfigurationError(`${path}.secrets[${i}]`, 'must be { name, value }');
    secrets[text(s.name, `${path}.secrets[${i}].name`)] = typeof s.value === 'string' ? s.value : '';
  });
  return { name: text(raw.name, `${path}.name`), code: text(raw.code, `${path}.code`), supported_triggers: ids, secrets };
}

function normalizeRunner(raw: unknown): ScriptRunnerConfig {
  if (raw === undefined) return {};
  if (!isRecord(raw)) throw new ConfigurationError('script_runner', 'must be an object');
  const out: Record<string, unknown> = {};
  for (const key of ['processes', 'timeout_ms', 'cpu_ms', 'memory_mb'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new ConfigurationError(`script_runner.${key}`, 'must be a positive integer');
    out[key] = value;
  }
  if (raw.ca_file !== undefined) out.ca_file = text(raw.ca_file, 'script_runner.ca_file');
  if (raw.allow_hosts !== undefined) {
    if (!Array.isArray(raw.allow_hosts)) throw new ConfigurationError('script_runner.allow_hosts', 'must be an array of "host:port"');
    out.allow_hosts = raw.allow_hosts.map((entry, i) => {
      if (typeof entry !== 'string' || !/^(\[[0-9a-f:.]+\]|[^\s:/]+):(\d{1,5}|\*)$/i.test(entry)) {
        throw new ConfigurationError(`script_runner.allow_hosts[${i}]`, 'must be "host:port" (either may be *)');
      }
      return entry;
    });
  }
  return out;
}

/**
 * Auth0's extensibility in the configuration file: `rules` (with `rules_configs`, the rules'
 * `configuration`), `actions` (post-login and pre-user-registration, run in listing order), the
 * custom-database settings of `auth0` connections (`enabledDatabaseCustomization`,
 * `customScripts`, `configuration`, `import_mode`), and `script_runner` limits.
 *
 * @example const { rules } = normalizeExtensibility(raw, connections);
 */
export function normalizeExtensibility(
  raw: Record<string, unknown>,
  connections: readonly ConnectionConfig[],
): { rules?: RuleConfig[]; rules_configs?: Record<string, string>; actions?: ActionConfig[]; script_runner?: ScriptRunnerConfig } {
  const out: { rules?: RuleConfig[]; rules_configs?: Record<string, string>; actions?: ActionConfig[]; script_runner?: ScriptRunnerConfig } = {};
  if (raw.rules !== undefined) {
    if (!Array.isArray(raw.rules)) throw new ConfigurationError('rules', 'must be an array');
    out.rules = raw.rules.map((r, i) => normalizeRule(r, `rules[${i}]`));
  }
  if (raw.rules_configs !== undefined) out.rules_configs = stringMap(raw.rules_configs, 'rules_configs');
  if (raw.actions !== undefined) {
    if (!Array.isArray(raw.actions)) throw new ConfigurationError('actions', 'must be an array');
    out.actions = raw.actions.map((a, i) => normalizeAction(a, `actions[${i}]`));
  }
  if (raw.script_runner !== undefined) out.script_runner = normalizeRunner(raw.script_runner);
  connections.forEach((connection, i) => {
    const options = connection.options;
    if (options.enabledDatabaseCustomization !== true) return;
    const path = `connections[${i}].options`;
    if (connection.strategy !== 'auth0') throw new ConfigurationError(`${path}.enabledDatabaseCustomization`, 'applies to auth0 (database) connections only');
    const scripts = options.customScripts;
    if (!isRecord(scripts)) throw new ConfigurationError(`${path}.customScripts`, 'must hold the login and get_user scripts');
    for (const name of Object.keys(scripts)) {
      if (!CUSTOM_SCRIPTS.includes(name as (typeof CUSTOM_SCRIPTS)[number])) throw new ConfigurationError(`${path}.customScripts.${name}`, `is not one of ${CUSTOM_SCRIPTS.join(', ')}`);
      text(scripts[name], `${path}.customScripts.${name}`);
    }
    text(scripts.login, `${path}.customScripts.login`);
    if (options.import_mode !== undefined && typeof options.import_mode !== 'boolean') throw new ConfigurationError(`${path}.import_mode`, 'must be true or false');
    stringMap(options.configuration, `${path}.configuration`);
  });
  return out;
}
