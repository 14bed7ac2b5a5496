import { Script } from 'node:vm';

/** A script that will not compile, with where it sits in the configuration. */
export interface ScriptProblem {
  readonly path: string;
  readonly problem: string;
}

/** What {@link checkScripts} reads: the configuration's rules, actions and connections. */
export interface ScriptsInConfig {
  readonly rules?: readonly { readonly name: string; readonly script: string }[];
  readonly actions?: readonly { readonly name: string; readonly code: string }[];
  readonly connections: readonly { readonly name: string; readonly options: Readonly<Record<string, unknown>> }[];
}

function compileError(code: string, filename: string): string | undefined {
  try {
    // Compiled, never run: a syntax check in the server process is safe.
    new Script(code, { filename });
    return undefined;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

/**
 * Compiles every Rule, Action and custom-database script the way the runner will load it, without
 * running any: start-up and `oauth-ro config validate` refuse a configuration whose scripts do not
 * compile, naming the path.
 *
 * @example
 * for (const { path, problem } of checkScripts(config)) console.error(`${path}: ${problem}`);
 */
export function checkScripts(config: ScriptsInConfig): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const check = (path: string, code: string, filename: string) => {
    const problem = compileError(code, filename);
    if (problem) problems.push({ path, problem });
  };
  config.rules?.forEach((rule, i) => check(`rules[${i}].script`, `(${rule.script}\n)`, `rule:${rule.name}`));
  config.actions?.forEach((action, i) => check(`actions[${i}].code`, `(function (exports, require, module) {\n${action.code}\n})`, `action:${action.name}`));
  config.connections.forEach((connection, i) => {
    const scripts = connection.options['customScripts'];
    if (connection.options['enabledDatabaseCustomization'] !== true || typeof scripts !== 'object' || scripts === null) return;
    for (const [op, source] of Object.entries(scripts)) {
      if (typeof source === 'string') check(`connections[${i}].options.customScripts.${op}`, `(${source}\n)`, `${connection.name}/${op}.js`);
    }
  });
  return problems;
}
