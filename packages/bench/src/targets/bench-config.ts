/** The one client, connection and user every oauth-ro target is built with. */
export const BENCH = {
  issuer: 'https://bench.oauth-ro.test/',
  clientId: 'bench-rs256',
  clientSecret: 'bench-client-secret-not-used-for-signing',
  connection: 'Username-Password-Authentication',
  email: 'bench-user@example.com',
  password: 'Bench-passw0rd-for-argon2id',
  userId: 'auth0|00000000000000000000bench',
  device: 'bench-device',
  /** A user blocked by an administrator (`UserRecord.blocked`), same password as the bench user. */
  blockedEmail: 'bench-blocked@example.com',
  blockedUserId: 'auth0|0000000000000000blocked',
  /** An address no user has, for the timing run's unknown-user class. */
  unknownEmail: 'bench-nobody@example.com',
  wrongPassword: 'Wrong-passw0rd-for-argon2id',
  /** The custom-database connection (import_mode) of the extensibility run, and its migrated user. */
  legacyConnection: 'legacy-db',
  legacyUserId: 'auth0|legacy-000000000000bench',
  /** A user imported with a bcrypt hash (cost 10, as Auth0 exports carry) of `password`. */
  bcryptEmail: 'bench-imported@example.com',
  bcryptUserId: 'auth0|000000000000000imported',
  bcryptHash: '$2b$10$A0MlwNDBLHrd6kdsR/8S7uV2STMGLfSov12zT2fZKS/BEjcs9YrOO',
  /** A confidential machine-to-machine client and the API it gets `client_credentials` tokens for (peers run). */
  m2mClientId: 'bench-m2m',
  m2mClientSecret: 'bench-m2m-secret-0123456789-0123456789',
  api: 'urn:oauth-ro:bench:api',
} as const;

/** The one Rule of the extensibility run: what a typical "add a claim" rule does. */
export const BENCH_RULE = `function (user, context, callback) {
  context.idToken['https://bench.example/roles'] = (user.app_metadata && user.app_metadata.roles) || ['user'];
  callback(null, user, context);
}`;

/** The legacy login script of the extensibility run: migrated users never reach it, so it only refuses. */
export const BENCH_LEGACY_LOGIN = 'function login(email, password, callback) { callback(new WrongUsernameOrPasswordError(email)); }';

/**
 * The raw configuration, as a configuration file would hold it.
 *
 * @example createOAuthRo({ config: normalizeConfig(benchConfig()), deps });
 */
export function benchConfig(options: { readonly bruteForceProtection?: boolean; readonly customDatabase?: boolean } = {}) {
  const connectionOptions = options.bruteForceProtection === false ? { brute_force_protection: false } : {};
  const legacy = {
    name: BENCH.legacyConnection,
    strategy: 'auth0',
    enabled_clients: [BENCH.clientId],
    options: { ...connectionOptions, enabledDatabaseCustomization: true, import_mode: true, customScripts: { login: BENCH_LEGACY_LOGIN } },
  };
  return {
    issuer: BENCH.issuer,
    // A mobile app (public: `none`), so /delegation redeems its refresh token without the secret.
    clients: [
      { client_id: BENCH.clientId, client_secret: BENCH.clientSecret, name: 'bench', token_endpoint_auth_method: 'none' },
      {
        client_id: BENCH.m2mClientId,
        client_secret: BENCH.m2mClientSecret,
        name: 'bench m2m',
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['client_credentials'],
      },
    ],
    // The API of the peers run's client_credentials grant (docs/spec.md §5.6), as oidc-provider's resource server.
    resource_servers: [{ identifier: BENCH.api, name: 'bench api', scopes: [{ value: 'api' }], signing_alg: 'RS256', token_lifetime: 36000 }],
    client_grants: [{ client_id: BENCH.m2mClientId, audience: BENCH.api, scope: ['api'] }],
    connections: [
      { name: BENCH.connection, strategy: 'auth0', enabled_clients: [BENCH.clientId], options: connectionOptions },
      ...(options.customDatabase ? [legacy] : []),
    ],
  };
}

/**
 * The address of the login runs' `i`-th user (`BENCH_LOGIN_USERS` of them, more with `TargetSpec.users`; password `BENCH.password`).
 *
 * @example benchUserEmail(3); // 'bench-user-3@example.com'
 */
export function benchUserEmail(i: number): string {
  return `bench-user-${i}@example.com`;
}

/** @example benchUserId(3); // 'auth0|0000000000000000bench-3' */
export function benchUserId(i: number): string {
  return `auth0|0000000000000000bench-${i}`;
}

/**
 * The body of a successful password login (scope `openid`: an access token and an id_token).
 *
 * @example jsonPost(`${url}/oauth/ro`, benchLoginBody());
 */
export function benchLoginBody(username: string = BENCH.email): Record<string, string> {
  return {
    client_id: BENCH.clientId,
    connection: BENCH.connection,
    grant_type: 'password',
    username,
    password: BENCH.password,
    scope: 'openid',
  };
}
