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
} as const;

/**
 * The raw configuration, as a configuration file would hold it.
 *
 * @example createOAuthRo({ config: normalizeConfig(benchConfig()), deps });
 */
export function benchConfig(options: { readonly bruteForceProtection?: boolean } = {}) {
  const connectionOptions = options.bruteForceProtection === false ? { brute_force_protection: false } : {};
  return {
    issuer: BENCH.issuer,
    // A mobile app (public: `none`), so /delegation redeems its refresh token without the secret.
    clients: [{ client_id: BENCH.clientId, client_secret: BENCH.clientSecret, name: 'bench', token_endpoint_auth_method: 'none' }],
    connections: [{ name: BENCH.connection, strategy: 'auth0', enabled_clients: [BENCH.clientId], options: connectionOptions }],
  };
}

/**
 * The body of a successful password login (scope `openid`: an access token and an id_token).
 *
 * @example jsonPost(`${url}/oauth/ro`, benchLoginBody());
 */
export function benchLoginBody(): Record<string, string> {
  return {
    client_id: BENCH.clientId,
    connection: BENCH.connection,
    grant_type: 'password',
    username: BENCH.email,
    password: BENCH.password,
    scope: 'openid',
  };
}
