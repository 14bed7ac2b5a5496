import { err, ok, oauthError, type LoginHooks, type OAuthError, type PostLoginChanges, type Result } from '@oauth-ro/core/ports';
import type { Auth0Action, Auth0Rule, ScriptRunner } from '../runner/create-script-runner.js';
import type { ScriptFailure } from '../runner/types.js';
import { auth0PostLoginEvent, auth0RuleContext, auth0User, connectionOf } from './auth0-shapes.js';

/** Rules and Actions as a tenant had them. */
export interface Auth0Extensibility {
  /** Rules in Auth0's order (`order`, then listing order); disabled ones are skipped. */
  readonly rules?: readonly Auth0Rule[];
  /** The Rules `configuration` object (Auth0's rules settings; secrets resolved). */
  readonly rulesConfiguration?: Readonly<Record<string, string>>;
  /** Actions bound to each trigger, in flow order. */
  readonly actions?: { readonly 'post-login'?: readonly Auth0Action[]; readonly 'pre-user-registration'?: readonly Auth0Action[] };
  /** The tenant name Rules see as `context.tenant` and `auth0.domain`. */
  readonly tenant?: string;
  /** For `context.authentication` timestamps; defaults to Date.now. */
  readonly now?: () => number;
}

/** How Auth0 answered a failed Rule or Action: `unauthorized` with its message; an overloaded runner is a 503. */
function refusal(error: ScriptFailure): OAuthError {
  if (error.kind === 'busy' || error.kind === 'closed') return oauthError('temporarily_unavailable', 'login extensions are busy; try again');
  return oauthError('unauthorized', error.message || 'Unauthorized');
}

function applyMetadata(current: Readonly<Record<string, unknown>> | undefined, changes: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = Object.keys(changes);
  if (keys.length === 0) return undefined;
  const next: Record<string, unknown> = { ...current };
  for (const key of keys) {
    if (changes[key] === null) delete next[key];
    else next[key] = changes[key];
  }
  return next;
}

type Multifactor = NonNullable<PostLoginChanges['multifactor']>;

/**
 * A Rule's `context.multifactor` or an Action's `api.multifactor.enable(provider, options)`, as core
 * reads it (docs/spec.md §5.9). Something set without a string `provider` is kept as an unknown
 * provider, which core refuses, rather than dropped: a Rule meaning to ask for MFA never yields tokens
 * without it.
 */
function readMultifactor(value: unknown): Multifactor | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  const fields = typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const provider = typeof fields['provider'] === 'string' ? fields['provider'] : '';
  const allow = fields['allowRememberBrowser'];
  return { provider, ...(typeof allow === 'boolean' ? { allowRememberBrowser: allow } : {}) };
}

/**
 * Core's {@link LoginHooks} running a tenant's Rules (first) and Actions (then), as Auth0 did, through
 * the script runner: claims, metadata, denials and requests for MFA come back to core, which judges
 * the second factor, mints and stores.
 *
 * @example
 * const runner = createScriptRunner();
 * const deps = { ...stores, hooks: auth0Hooks(runner, { rules: [{ name: 'roles', script }] }) };
 */
export function auth0Hooks(runner: ScriptRunner, extensibility: Auth0Extensibility): LoginHooks {
  const rules = extensibility.rules?.filter((rule) => rule.enabled !== false) ?? [];
  const postLoginActions = extensibility.actions?.['post-login'] ?? [];
  const preSignupActions = extensibility.actions?.['pre-user-registration'] ?? [];
  const tenant = extensibility.tenant ?? 'oauth-ro';
  const now = extensibility.now ?? Date.now;
  const hooks: { -readonly [K in keyof LoginHooks]: LoginHooks[K] } = {};
  if (rules.length > 0 || postLoginActions.length > 0) {
    hooks.postLogin = async (input): Promise<Result<PostLoginChanges, OAuthError>> => {
      const connection = connectionOf(input.user, input.connection);
      const common = { tenant, client: input.client, connection, protocol: input.protocol, scope: input.scope, ip: input.request.ip, nowMs: now(), ...(input.request.user_agent ? { user_agent: input.request.user_agent } : {}), ...(input.mfaPassedAt === undefined ? {} : { mfaPassedAtMs: input.mfaPassedAt }) };
      let idTokenClaims: Record<string, unknown> = {};
      let accessTokenClaims: Record<string, unknown> = {};
      let app_metadata: Record<string, unknown> | undefined;
      let user_metadata: Record<string, unknown> | undefined;
      let multifactor: Multifactor | undefined;
      if (rules.length > 0) {
        const outcome = await runner.runRules({
          rules,
          configuration: extensibility.rulesConfiguration ?? {},
          user: auth0User(input.user),
          context: auth0RuleContext(common),
          domain: tenant,
        });
        if (!outcome.ok) return err(refusal(outcome.error));
        const context = outcome.value.context;
        idTokenClaims = { ...(context['idToken'] as Record<string, unknown> | undefined) };
        accessTokenClaims = { ...(context['accessToken'] as Record<string, unknown> | undefined) };
        app_metadata = outcome.value.updates.app_metadata;
        user_metadata = outcome.value.updates.user_metadata;
        multifactor = readMultifactor(context['multifactor']);
      }
      if (postLoginActions.length > 0) {
        const user = { ...input.user, profile: { ...input.user.profile, ...(app_metadata ? { app_metadata } : {}), ...(user_metadata ? { user_metadata } : {}) } };
        const outcome = await runner.runActions('post-login', { actions: postLoginActions, event: auth0PostLoginEvent({ ...common, user }) });
        if (!outcome.ok) return err(refusal(outcome.error));
        const commands = outcome.value;
        if (commands.deny) return err(oauthError('unauthorized', commands.deny.reason || 'Access denied.'));
        idTokenClaims = { ...idTokenClaims, ...commands.idToken };
        accessTokenClaims = { ...accessTokenClaims, ...commands.accessToken };
        app_metadata = applyMetadata(app_metadata ?? input.user.profile.app_metadata, commands.app_metadata) ?? app_metadata;
        user_metadata = applyMetadata(user_metadata ?? input.user.profile.user_metadata, commands.user_metadata) ?? user_metadata;
        // An Action's `enable('none')` does not take back a Rule's request.
        const enabled = readMultifactor(commands.multifactor);
        if (enabled && !(enabled.provider === 'none' && multifactor)) multifactor = enabled;
      }
      return ok({
        idTokenClaims,
        accessTokenClaims,
        ...(app_metadata ? { app_metadata } : {}),
        ...(user_metadata ? { user_metadata } : {}),
        ...(multifactor ? { multifactor } : {}),
      });
    };
  }
  if (preSignupActions.length > 0) {
    hooks.preSignup = async (input) => {
      const outcome = await runner.runActions('pre-user-registration', {
        actions: preSignupActions,
        event: {
          user: { email: input.email, username: input.username, user_metadata: input.user_metadata ?? {}, app_metadata: {} },
          client: { client_id: input.client.client_id, name: input.client.name ?? input.client.client_id, metadata: {} },
          connection: { id: input.connection.name, name: input.connection.name, strategy: input.connection.strategy, metadata: {} },
          request: { ip: input.request.ip, user_agent: input.request.user_agent ?? '', method: 'POST', query: {}, body: {} },
          tenant: { id: tenant },
        },
      });
      if (!outcome.ok) return err(outcome.error.kind === 'busy' ? refusal(outcome.error) : oauthError('invalid_signup', outcome.error.message || 'Invalid sign up'));
      if (outcome.value.deny) return err(oauthError('invalid_signup', outcome.value.deny.reason || 'Invalid sign up'));
      const user_metadata = applyMetadata(input.user_metadata, outcome.value.user_metadata);
      const app_metadata = applyMetadata({}, outcome.value.app_metadata);
      return ok({ ...(user_metadata ? { user_metadata } : {}), ...(app_metadata ? { app_metadata } : {}) });
    };
  }
  return hooks;
}
