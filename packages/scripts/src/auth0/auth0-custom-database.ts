import { err, ok, oauthError, type CustomDatabase, type CustomDatabaseProfile, type OAuthError, type Result } from '@oauth-ro/core/ports';
import type { CustomDatabaseOperation, ScriptRunner } from '../runner/create-script-runner.js';
import type { RunOutcome } from '../runner/types.js';

/** A custom-database connection's scripts and settings, as Auth0 kept them in `options`. */
export interface Auth0CustomDatabaseOptions {
  readonly connection: string;
  /** `options.customScripts`: `login` and `get_user` at least. */
  readonly scripts: Readonly<Partial<Record<CustomDatabaseOperation, string>>>;
  /** `options.configuration`: the scripts' `configuration` global (secrets resolved). */
  readonly configuration?: Readonly<Record<string, string>>;
}

/** What a failure of the upstream system (or of the script) answers: 503, never details. */
function unavailable(connection: string): OAuthError {
  return oauthError('temporarily_unavailable', `the ${connection} connection's user database is unavailable`);
}

function isProfile(value: unknown): value is CustomDatabaseProfile {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Core's {@link CustomDatabase} port running Auth0 custom-database scripts unchanged: `login` answers
 * `WrongUsernameOrPasswordError` (or no profile) as a wrong password, `UnauthorizedError` as a
 * blocked user, anything else (an error, a timeout, an unreachable legacy system) as 503.
 *
 * @example
 * const legacy = auth0CustomDatabase(runner, { connection: 'legacy-db', scripts: { login, get_user }, configuration: { DB: 'postgres://…' } });
 */
export function auth0CustomDatabase(runner: ScriptRunner, options: Auth0CustomDatabaseOptions): CustomDatabase {
  const run = (op: CustomDatabaseOperation, args: Record<string, unknown>): Promise<RunOutcome<unknown>> => {
    const script = options.scripts[op];
    if (!script) return Promise.resolve({ ok: false, error: { kind: 'script', name: 'Error', message: `no ${op} script` } });
    return runner.runDatabaseScript({ connection: options.connection, op, script, configuration: options.configuration ?? {}, args });
  };
  return {
    async login(email, password): Promise<Result<CustomDatabaseProfile, OAuthError>> {
      const outcome = await run('login', { email, password });
      if (outcome.ok) return isProfile(outcome.value) ? ok(outcome.value) : err(oauthError('invalid_user_password'));
      if (outcome.error.kind === 'script' && outcome.error.name === 'WrongUsernameOrPasswordError') return err(oauthError('invalid_user_password'));
      if (outcome.error.kind === 'script' && outcome.error.name === 'UnauthorizedError') return err(oauthError('unauthorized', outcome.error.message));
      return err(unavailable(options.connection));
    },
    async getUser(email): Promise<Result<CustomDatabaseProfile | null, OAuthError>> {
      const outcome = await run('get_user', { email });
      if (outcome.ok) return ok(isProfile(outcome.value) ? outcome.value : null);
      return err(unavailable(options.connection));
    },
  };
}
