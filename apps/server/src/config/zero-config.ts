import { normalizeConfig, type OAuthRoConfig } from '@oauth-ro/core';

/** The zero-config client and connection, as the start-up banner and the README name them. */
export const ZERO_CONFIG = {
  client_id: 'demo',
  connection: 'Username-Password-Authentication',
} as const;

/**
 * The development setup used when no configuration file is given (docs/spec.md §1): one public RS256 client `demo`
 * and the database connection `Username-Password-Authentication` enabled for it, sign-up open,
 * Auth0's default `fair` password policy.
 *
 * @example
 * const config = zeroConfig('http://127.0.0.1:3000/');
 */
export function zeroConfig(issuer: string): OAuthRoConfig {
  return normalizeConfig({
    issuer,
    // A browser app with no secret: public (`none`), so it refreshes at /delegation and /oauth/token
    // without one; the demo page (apps/demo-web) runs on its own origin, port 3001, and calls this
    // server through CORS.
    clients: [
      {
        client_id: ZERO_CONFIG.client_id,
        name: 'Demo app (zero-config)',
        token_endpoint_auth_method: 'none',
        allowed_origins: ['http://127.0.0.1:3001', 'http://localhost:3001'],
      },
    ],
    connections: [
      {
        name: ZERO_CONFIG.connection,
        strategy: 'auth0',
        enabled_clients: [ZERO_CONFIG.client_id],
        options: { disable_signup: false, requires_username: false, brute_force_protection: true, passwordPolicy: 'fair' },
      },
    ],
  });
}
