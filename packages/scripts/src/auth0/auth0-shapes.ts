import type { ClientConfig, ConnectionConfig, LoginProtocol, UserRecord } from '@oauth-ro/core/ports';

/** A stored user as Auth0's Rules and Actions saw it (the normalised profile). */
export function auth0User(user: UserRecord): Record<string, unknown> {
  const { app_metadata, user_metadata, ...profile } = user.profile;
  const bar = user.user_id.indexOf('|');
  return {
    ...profile,
    user_id: user.user_id,
    ...(user.email === undefined ? {} : { email: user.email }),
    ...(user.username === undefined ? {} : { username: user.username }),
    ...(user.phone_number === undefined ? {} : { phone_number: user.phone_number }),
    email_verified: profile.email_verified ?? false,
    app_metadata: app_metadata ?? {},
    user_metadata: user_metadata ?? {},
    identities: [{ provider: user.strategy, user_id: user.user_id.slice(bar + 1), connection: user.connection, isSocial: false }],
    created_at: user.created_at,
    updated_at: user.updated_at,
  };
}

/** The connection a login went through: the one given, else the user's own (refresh, delegation). */
export function connectionOf(user: UserRecord, connection: ConnectionConfig | undefined): { name: string; strategy: string } {
  return connection ? { name: connection.name, strategy: connection.strategy } : { name: user.connection, strategy: user.strategy };
}

/** What a login looked like, as both a Rule's `context` and an Action's `event` describe it. */
export interface LoginFacts {
  readonly tenant: string;
  readonly client: ClientConfig;
  readonly connection: { readonly name: string; readonly strategy: string };
  readonly protocol: LoginProtocol;
  readonly scope: readonly string[];
  readonly ip: string;
  readonly user_agent?: string;
  readonly nowMs: number;
  /** When the login's second factor passed (epoch ms), if it did before the Rules and Actions run. */
  readonly mfaPassedAtMs?: number;
}

/** Auth0's `authentication.methods`: the password, then the second factor once it passed. */
function authenticationMethods<T>(input: LoginFacts, timestamp: (ms: number) => T): { name: string; timestamp: T }[] {
  const methods = [{ name: 'pwd', timestamp: timestamp(input.nowMs) }];
  if (input.mfaPassedAtMs !== undefined) methods.push({ name: 'mfa', timestamp: timestamp(input.mfaPassedAtMs) });
  return methods;
}

/** A Rule's `context`. */
export function auth0RuleContext(input: LoginFacts): Record<string, unknown> {
  return {
    tenant: input.tenant,
    clientID: input.client.client_id,
    clientName: input.client.name ?? input.client.client_id,
    clientMetadata: {},
    connection: input.connection.name,
    connectionStrategy: input.connection.strategy,
    protocol: input.protocol,
    request: { ip: input.ip, userAgent: input.user_agent ?? '', query: {}, body: {} },
    idToken: {},
    accessToken: {},
    // Rules: epoch milliseconds.
    authentication: { methods: authenticationMethods(input, (ms) => ms) },
    sso: { with_auth0: false, with_dbconn: false },
    stats: {},
    scope: input.scope.join(' '),
  };
}

/** An Action's post-login `event`. */
export function auth0PostLoginEvent(input: LoginFacts & { readonly user: UserRecord }): Record<string, unknown> {
  return {
    user: auth0User(input.user),
    client: { client_id: input.client.client_id, name: input.client.name ?? input.client.client_id, metadata: {} },
    connection: { id: input.connection.name, name: input.connection.name, strategy: input.connection.strategy, metadata: {} },
    request: { ip: input.ip, user_agent: input.user_agent ?? '', method: 'POST', query: {}, body: {} },
    transaction: { protocol: input.protocol, requested_scopes: [...input.scope] },
    // Actions: ISO 8601 strings.
    authentication: { methods: authenticationMethods(input, (ms) => new Date(ms).toISOString()) },
    authorization: { roles: [] },
    tenant: { id: input.tenant },
    stats: { logins_count: 0 },
  };
}
