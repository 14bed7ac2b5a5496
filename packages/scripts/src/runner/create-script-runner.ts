import { createHash } from 'node:crypto';
import { createScriptPool } from './script-pool.js';
import type { PoolOptions, RunOutcome } from './types.js';

/** An Auth0 Rule as the Management API and the Deploy CLI export it. */
export interface Auth0Rule {
  readonly name: string;
  /** `function (user, context, callback) { … }` */
  readonly script: string;
  readonly enabled?: boolean;
  readonly order?: number;
}

/** Triggers oauth-ro runs Actions for. */
export type ActionTrigger = 'post-login' | 'pre-user-registration';

/** An Auth0 Action bound to a trigger, as the Deploy CLI exports it. */
export interface Auth0Action {
  readonly name: string;
  /** CommonJS source exporting `onExecutePostLogin` / `onExecutePreUserRegistration`. */
  readonly code: string;
  /** `event.secrets`. */
  readonly secrets?: Readonly<Record<string, string>>;
}

/** A custom-database connection's scripts (`options.customScripts`), by Auth0's operation names. */
export type CustomDatabaseOperation = 'login' | 'get_user' | 'create' | 'verify' | 'change_password' | 'delete';

/** What a Rules pipeline left behind. */
export interface RulesResult {
  readonly user: Record<string, unknown>;
  readonly context: Record<string, unknown>;
  /** Metadata the rules saved with `auth0.users.updateAppMetadata` / `updateUserMetadata`. */
  readonly updates: { readonly app_metadata?: Record<string, unknown>; readonly user_metadata?: Record<string, unknown> };
}

/** What an Actions trigger asked for through `api`. */
export interface ActionsResult {
  readonly deny?: { readonly reason: string; readonly code?: string };
  readonly idToken: Record<string, unknown>;
  readonly accessToken: Record<string, unknown>;
  /** Keys set with `api.user.setAppMetadata`; `null` deletes the key. */
  readonly app_metadata: Record<string, unknown>;
  readonly user_metadata: Record<string, unknown>;
  readonly multifactor?: { readonly provider: string } & Record<string, unknown>;
}

/** Arguments of one custom-database operation. */
export interface CustomDatabaseArgs {
  readonly email?: string;
  readonly password?: string;
  readonly newPassword?: string;
  readonly id?: string;
  readonly user?: Record<string, unknown>;
}

/** A script's id (its child-side compile cache key), hashed once per distinct script, not per login. */
function scriptIds(): (text: string) => string {
  const ids = new Map<string, string>();
  return (text) => {
    let id = ids.get(text);
    if (id === undefined) {
      id = createHash('sha256').update(text).digest('base64url').slice(0, 16);
      ids.set(text, id);
    }
    return id;
  };
}

/**
 * Runs Auth0 Rules, Actions and custom-database scripts unchanged, in a pool of child processes
 * (Node's permission model: no file system beyond the runner, no child processes; no environment;
 * a heap cap; CPU, memory and wall-clock budgets enforced by the parent; outbound connections only to
 * `allowHosts`). Runs never throw: a script's failure or an exceeded budget is an `ok: false` outcome.
 *
 * @example
 * const runner = createScriptRunner({ allowHosts: ['legacy.example.com:443'] });
 * const outcome = await runner.runRules({ rules, configuration: {}, user, context });
 * if (!outcome.ok) console.log(outcome.error.name, outcome.error.message);
 * await runner.close();
 */
export function createScriptRunner(options: PoolOptions = {}) {
  const pool = createScriptPool(options);
  const idOf = scriptIds();
  return {
    /** Runs enabled rules in `order`, passing `user` and `context` from one to the next, as Auth0 did. */
    runRules(input: {
      readonly rules: readonly Auth0Rule[];
      readonly configuration?: Readonly<Record<string, string>>;
      readonly user: Record<string, unknown>;
      readonly context: Record<string, unknown>;
      readonly domain?: string;
    }): Promise<RunOutcome<RulesResult>> {
      const rules = input.rules
        .filter((rule) => rule.enabled !== false)
        .map((rule, index) => ({ rule, index }))
        .sort((a, b) => (a.rule.order ?? a.index) - (b.rule.order ?? b.index) || a.index - b.index)
        .map(({ rule }) => ({ id: idOf(`${rule.name}\u0000${rule.script}`), name: rule.name, script: rule.script }));
      return pool.run('rules', {
        rules,
        configuration: input.configuration ?? {},
        user: input.user,
        context: input.context,
        domain: input.domain,
        baseUrl: input.domain ? `https://${input.domain}` : undefined,
      });
    },
    /** Runs a trigger's actions in order; the first `api.access.deny` stops the rest. */
    runActions(
      trigger: ActionTrigger,
      input: { readonly actions: readonly Auth0Action[]; readonly event: Record<string, unknown> },
    ): Promise<RunOutcome<ActionsResult>> {
      const actions = input.actions.map((action) => ({
        id: idOf(`${action.name}\u0000${action.code}`),
        name: action.name,
        code: action.code,
        secrets: action.secrets ?? {},
      }));
      return pool.run('actions', { trigger, actions, event: input.event });
    },
    /** Runs one custom-database operation; `value` is what the script passed to its callback (null for nothing). */
    runDatabaseScript(input: {
      readonly connection: string;
      readonly op: CustomDatabaseOperation;
      readonly script: string;
      readonly configuration?: Readonly<Record<string, string>>;
      readonly args: CustomDatabaseArgs;
    }): Promise<RunOutcome<unknown>> {
      return pool.run('database', {
        id: idOf(`${input.connection}\u0000${input.script}`),
        op: input.op,
        script: input.script,
        configuration: input.configuration ?? {},
        args: input.args,
      });
    },
    ready: () => pool.ready(),
    pids: () => pool.pids(),
    close: () => pool.close(),
  };
}

/** A script runner. */
export type ScriptRunner = ReturnType<typeof createScriptRunner>;
