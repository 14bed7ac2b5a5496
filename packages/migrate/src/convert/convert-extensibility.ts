import { isRecord, stringOf, type Auth0Record, type MigrationContext } from './migration-context.js';

/** Modules the script runner offers scripts (packages/scripts), by Auth0's names. */
const SUPPORTED_MODULES = new Set(['request', 'bcrypt', 'jsonwebtoken', 'lodash', 'pg', 'mysql2', 'crypto', 'util', 'url', 'querystring', 'buffer', 'events', 'assert', 'string_decoder', 'punycode']);
const TRIGGERS = new Set(['post-login', 'pre-user-registration']);

/**
 * A script as the export holds it: inline source (Management API), or a deploy-cli file reference
 * (`./rules/name.js`) read through `context.readScript`. Undefined, with a warning, when neither.
 */
export function scriptSource(value: unknown, where: string, context: MigrationContext): string | undefined {
  const text = stringOf(value);
  if (text === undefined) return undefined;
  if (/^\.{0,2}\/?[\w ./-]+\.js$/.test(text.trim()) && !text.includes('\n')) {
    const read = context.readScript?.(text.trim());
    if (read === undefined) context.warnings.push(`${where}: the file ${text.trim()} could not be read; give the script inline`);
    return read;
  }
  return text;
}

/** `require('x')` calls of a script whose module the runner does not offer. */
export function unsupportedModules(source: string): string[] {
  const names = [...source.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!.replace(/^node:/, '').replace(/^([^@/][^@]*)@[^/]+$/, '$1'));
  return [...new Set(names.filter((name) => !SUPPORTED_MODULES.has(name)))];
}

function warnModules(source: string, where: string, context: MigrationContext): void {
  const missing = unsupportedModules(source);
  if (missing.length > 0) context.warnings.push(`${where}: requires ${missing.join(', ')}, which scripts cannot load in oauth-ro (supported: ${[...SUPPORTED_MODULES].sort().join(', ')})`);
}

/** Secret values become `env:` references, never copies. */
function secretMap(entries: readonly { name: string }[], subject: string, where: string, context: MigrationContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name } of entries) out[name] = context.envReference(subject, name, `${where}.${name}`, `the value of ${name} from Auth0`);
  return out;
}

/**
 * Rules (`rules`, `rulesConfigs`) and Actions (`actions`, `triggers`) of an export: Rules keep their
 * order and enabled flag; Actions run only where a trigger binds them, in binding order (every
 * post-login/pre-user-registration action in listing order when the export has no `triggers`);
 * secrets and rule settings become `env:` references.
 *
 * @example
 * const { rules, actions } = convertExtensibility({ rules: [{ name: 'r', script: 'function (u, c, cb) { cb(null, u, c); }' }] }, context);
 */
export function convertExtensibility(source: Auth0Record, context: MigrationContext): Auth0Record {
  const out: Auth0Record = {};
  const rules: Auth0Record[] = [];
  (Array.isArray(source.rules) ? source.rules : []).forEach((raw, i) => {
    const where = `rules[${i}]`;
    if (!isRecord(raw)) return;
    const name = stringOf(raw.name) ?? `rule-${i + 1}`;
    if (raw.stage !== undefined && raw.stage !== 'login_success') {
      context.warnings.push(`${where}: stage ${JSON.stringify(raw.stage)} rules do not run in oauth-ro; skipped`);
      return;
    }
    const script = scriptSource(raw.script, `${where}.script`, context);
    if (script === undefined) return;
    warnModules(script, where, context);
    rules.push({ name, script, ...(typeof raw.order === 'number' ? { order: raw.order } : {}), enabled: raw.enabled !== false });
  });
  if (rules.length > 0) out.rules = rules;
  const configs = Array.isArray(source.rulesConfigs) ? source.rulesConfigs : [];
  const keys = configs.map((c) => (isRecord(c) ? stringOf(c.key) : undefined)).filter((k): k is string => k !== undefined);
  if (keys.length > 0) out.rules_configs = secretMap(keys.map((name) => ({ name })), 'rule config', 'rules_configs', context);

  const bindings = isRecord(source.triggers) ? source.triggers : undefined;
  const actions = (Array.isArray(source.actions) ? source.actions : []).filter(isRecord);
  const bound = (trigger: string): string[] | undefined => {
    const list = bindings?.[trigger];
    if (!Array.isArray(list)) return undefined;
    return list.map((b) => (isRecord(b) ? stringOf(b.action_name) ?? (isRecord(b.action) ? stringOf(b.action.name) : undefined) : undefined)).filter((n): n is string => n !== undefined);
  };
  const converted: Auth0Record[] = [];
  const order: string[] = [];
  for (const trigger of TRIGGERS) for (const name of bound(trigger) ?? []) if (!order.includes(name)) order.push(name);
  actions.forEach((raw, i) => {
    const where = `actions[${i}]`;
    const name = stringOf(raw.name) ?? `action-${i + 1}`;
    const triggers = (Array.isArray(raw.supported_triggers) ? raw.supported_triggers : [])
      .map((t) => (isRecord(t) ? stringOf(t.id) : undefined))
      .filter((id): id is string => id !== undefined);
    const runs = triggers.filter((id) => TRIGGERS.has(id) && (bindings === undefined || (bound(id) ?? []).includes(name)));
    if (runs.length === 0) {
      context.warnings.push(`${where}: "${name}" (${triggers.join(', ') || 'no trigger'}) is not bound to a post-login or pre-user-registration trigger; not carried over`);
      return;
    }
    const code = scriptSource(raw.code, `${where}.code`, context);
    if (code === undefined) return;
    warnModules(code, where, context);
    for (const dep of Array.isArray(raw.dependencies) ? raw.dependencies : []) {
      const dependency = isRecord(dep) ? stringOf(dep.name) : undefined;
      if (dependency && !SUPPORTED_MODULES.has(dependency)) context.warnings.push(`${where}.dependencies: ${dependency} is not available to scripts in oauth-ro`);
    }
    const secretNames = (Array.isArray(raw.secrets) ? raw.secrets : []).map((s) => (isRecord(s) ? stringOf(s.name) : undefined)).filter((n): n is string => n !== undefined);
    const secrets = secretMap(secretNames.map((n) => ({ name: n })), `action ${name}`, `${where}.secrets`, context);
    converted.push({ name, code, supported_triggers: runs.map((id) => ({ id })), secrets: Object.entries(secrets).map(([n, value]) => ({ name: n, value })) });
  });
  if (bindings === undefined && converted.length > 0) context.warnings.push('actions: the export has no triggers section; every post-login / pre-user-registration action runs, in listing order');
  converted.sort((a, b) => (order.indexOf(a.name as string) + 1 || Infinity) - (order.indexOf(b.name as string) + 1 || Infinity));
  if (converted.length > 0) out.actions = converted;
  return out;
}

/**
 * A custom-database connection's scripts and settings (`enabledDatabaseCustomization`,
 * `customScripts`, `import_mode`, `configuration` → `env:` references).
 *
 * @example convertCustomDatabase({ enabledDatabaseCustomization: true, customScripts: { login: '…' } }, 'databases[0]', 'legacy', context);
 */
export function convertCustomDatabase(options: Auth0Record, where: string, name: string, context: MigrationContext): Auth0Record {
  if (options.enabledDatabaseCustomization !== true || !isRecord(options.customScripts)) return {};
  const scripts: Record<string, string> = {};
  for (const [op, value] of Object.entries(options.customScripts)) {
    if (!['login', 'get_user', 'create', 'verify', 'change_password', 'delete'].includes(op)) {
      context.warnings.push(`${where}.options.customScripts.${op}: oauth-ro runs no ${op} script (email changes are not part of the legacy API); skipped`);
      continue;
    }
    const script = scriptSource(value, `${where}.options.customScripts.${op}`, context);
    if (script === undefined) continue;
    warnModules(script, `${where}.options.customScripts.${op}`, context);
    scripts[op] = script;
  }
  if (scripts.login === undefined) {
    context.warnings.push(`${where}: custom database without a login script; its users cannot log in`);
    return {};
  }
  const keys = isRecord(options.configuration) ? Object.keys(options.configuration) : [];
  if (options.import_mode !== true) context.warnings.push(`${where}: import_mode is off, so every login of "${name}" asks the legacy database; turn it on to migrate users as they log in`);
  return {
    enabledDatabaseCustomization: true,
    customScripts: scripts,
    import_mode: options.import_mode === true,
    ...(keys.length > 0 ? { configuration: secretMap(keys.map((k) => ({ name: k })), `${name} db`, `${where}.options.configuration`, context) } : {}),
  };
}
