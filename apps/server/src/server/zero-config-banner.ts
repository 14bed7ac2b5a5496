import { ZERO_CONFIG } from '../config/zero-config.js';

/** A password that satisfies Auth0's default `fair` policy (lower, upper case and digits, 8+). */
export const DEMO_PASSWORD = 'Demo-passw0rd';
export const DEMO_EMAIL = 'demo@example.com';

function curlPost(url: string, body: Record<string, string>): string {
  return `curl -s ${url} -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;
}

/**
 * The lines printed in zero-config mode: the issuer, the client, and ready-to-paste `curl` lines
 * for sign-up and `/oauth/ro` against `baseUrl` (where the server can be reached).
 *
 * @example
 * zeroConfigBanner('http://127.0.0.1:3000/', 'http://127.0.0.1:3000').join('\n');
 */
export function zeroConfigBanner(issuer: string, baseUrl: string): string[] {
  const base = baseUrl.replace(/\/+$/, '');
  const common = { client_id: ZERO_CONFIG.client_id, connection: ZERO_CONFIG.connection };
  return [
    'oauth-ro zero-config mode (no OAUTH_RO_CONFIG): a development setup, not for production.',
    `  issuer:     ${issuer}`,
    `  client_id:  ${ZERO_CONFIG.client_id}`,
    `  connection: ${ZERO_CONFIG.connection} (database, sign-up open)`,
    '',
    'Sign up a user:',
    `  ${curlPost(`${base}/dbconnections/signup`, { ...common, email: DEMO_EMAIL, password: DEMO_PASSWORD })}`,
    'Log in (POST /oauth/ro):',
    `  ${curlPost(`${base}/oauth/ro`, {
      ...common,
      grant_type: 'password',
      username: DEMO_EMAIL,
      password: DEMO_PASSWORD,
      scope: 'openid email',
    })}`,
    `API reference: ${base}/docs (OpenAPI 3.1 document: ${base}/openapi.json)`,
    '',
  ];
}
