import { err, ok, oauthError, type CustomDatabase, type CustomDatabaseNewUser, type CustomDatabaseProfile, type OAuthError, type Result } from '@oauth-ro/core/ports';
import type { CustomDatabaseOperation, ScriptRunner } from '../runner/create-script-runner.js';
import type { RunOutcome, ScriptFailure } from '../runner/types.js';

/** A custom-database connection's scripts and settings, as Auth0 kept them in `options`. */
export interface Auth0CustomDatabaseOptions {
  readonly connection: string;
  /** `options.customScripts`: `login` and `get_user` at least. */
  readonly scripts: Readonly<Partial<Record<CustomDatabaseOperation, string>>>;
  /** `options.configuration`: the scripts' `configuration` global (secrets resolved). */
  readonly configuration?: Readonly<Record<string, string>>;
  /** The tenant name the `create` script sees as `user.tenant`. */
  readonly tenant?: string;
}

/** What a failure of the upstream system (or of the script) answers: 503, never details. */
function unavailable(connection: string): OAuthError {
  return oauthError('temporarily_unavailable', `the ${connection} connection's user database is unavailable`);
}

function isProfile(value: unknown): value is CustomDatabaseProfile {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `ValidationError` of the create script as Auth0 answered it at sign-up. */
function refusedSignup(error: ScriptFailure): OAuthError {
  if (error.code === 'user_exists') return oauthError('user_exists');
  if (error.code === 'username_exists') return oauthError('username_exists');
  return oauthError('invalid_signup', error.message || 'Invalid sign up');
}

/**
 * Core's {@link CustomDatabase} port running Auth0 custom-database scripts unchanged, with Auth0's
 * callback contracts: `login` answers `WrongUsernameOrPasswordError` (or no profile) as a wrong
 * password, `UnauthorizedError` as a blocked user; `get_user` `callback(null)` as nobody;
 * `create` `callback(null)` as created and `ValidationError('user_exists', …)` as taken (any other
 * `ValidationError` refuses the sign-up with its message); `verify` and `change_password`
 * `callback(null, true)` (or, for change_password, an object) as done and `false` as not done;
 * `delete` `callback(null)` as deleted. Anything else (an error, a throw, a timeout, a script that
 * never calls back, an unreachable legacy system) is 503 without details. An operation whose script
 * the connection does not have is absent.
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
  const scripts = options.scripts;
  return {
    async login(email, password): Promise<Result<CustomDatabaseProfile, OAuthError>> {
      const outcome = await run('login', { email, password });
      if (outcome.ok) return isProfile(outcome.value) ? ok(outcome.value) : err(oauthError('invalid_user_password'));
      if (outcome.error.kind === 'script' && outcome.error.name === 'WrongUsernameOrPasswordError') return err(oauthError('invalid_user_password'));
      if (outcome.error.kind === 'script' && outcome.error.name === 'UnauthorizedError') return err(oauthError('unauthorized', outcome.error.message));
      return err(unavailable(options.connection));
    },
    async getUser(email): Promise<Result<CustomDatabaseProfile | null, OAuthError>> {
      // Without a get_user script nobody is known upstream (sign-up and reset go on locally).
      if (!scripts.get_user) return ok(null);
      const outcome = await run('get_user', { email });
      if (outcome.ok) return ok(isProfile(outcome.value) ? outcome.value : null);
      return err(unavailable(options.connection));
    },
    ...(scripts.create
      ? {
          async create(user: CustomDatabaseNewUser): Promise<Result<void, OAuthError>> {
            const outcome = await run('create', { user: { ...user, tenant: options.tenant ?? 'oauth-ro' } });
            if (outcome.ok) return ok(undefined);
            if (outcome.error.kind === 'script' && outcome.error.name === 'ValidationError') return err(refusedSignup(outcome.error));
            return err(unavailable(options.connection));
          },
        }
      : {}),
    ...(scripts.verify
      ? {
          async verify(email: string): Promise<Result<boolean, OAuthError>> {
            const outcome = await run('verify', { email });
            return outcome.ok ? ok(outcome.value === true) : err(unavailable(options.connection));
          },
        }
      : {}),
    ...(scripts.change_password
      ? {
          async changePassword(email: string, newPassword: string): Promise<Result<boolean, OAuthError>> {
            const outcome = await run('change_password', { email, newPassword });
            // `true`, or an object (`{ last_password_reset }`): changed; `false` or nothing: not changed.
            return outcome.ok ? ok(outcome.value === true || isProfile(outcome.value)) : err(unavailable(options.connection));
          },
        }
      : {}),
    ...(scripts.delete
      ? {
          async delete(id: string): Promise<Result<void, OAuthError>> {
            const outcome = await run('delete', { id });
            return outcome.ok ? ok(undefined) : err(unavailable(options.connection));
          },
        }
      : {}),
  };
}
