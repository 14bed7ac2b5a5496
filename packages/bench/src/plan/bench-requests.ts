import { bearerGet, jsonPost, jsonPostEach, type BenchRequest } from '../load/bench-request.js';
import { BENCH } from '../targets/bench-config.js';
import { BARE_ROUTES, type BenchFixtures } from '../targets/protocol.js';

/** A non-hashing oauth-ro path and the bare route in the same framework that does only its JWT work. */
export interface PathPair {
  /** As the report shows it, e.g. `GET /userinfo`. */
  readonly name: string;
  /** What the bare route does, for the report. */
  readonly bareDoes: string;
  readonly request: BenchRequest;
  readonly bare: BenchRequest;
}

/** Every request sent to one oauth-ro target. */
export interface BenchRequests {
  readonly login: BenchRequest;
  readonly paths: readonly PathPair[];
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/**
 * @example const { login, paths } = benchRequests(target.url, target.fixtures!);
 */
export function benchRequests(url: string, fixtures: BenchFixtures): BenchRequests {
  const paths: PathPair[] = [
    {
      name: 'GET /userinfo',
      bareDoes: 'verifies the same RS256 access token with jose and answers its claims',
      request: bearerGet(`${url}/userinfo`, fixtures.accessToken),
      bare: bearerGet(`${url}${BARE_ROUTES.verifyBearer}`, fixtures.accessToken),
    },
    {
      name: 'POST /tokeninfo',
      bareDoes: 'parses a JSON body, verifies the same RS256 id_token (issuer and audience) with jose and answers its claims',
      request: jsonPost(`${url}/tokeninfo`, { id_token: fixtures.idToken }),
      bare: jsonPost(`${url}${BARE_ROUTES.verifyIdToken}`, { id_token: fixtures.idToken }),
    },
    {
      name: 'GET /.well-known/jwks.json',
      bareDoes: 'answers the same public JWKS as JSON',
      request: { method: 'GET', url: `${url}/.well-known/jwks.json`, headers: {} },
      bare: { method: 'GET', url: `${url}${BARE_ROUTES.jwks}`, headers: {} },
    },
  ];
  if (fixtures.refreshToken !== undefined) {
    paths.push({
      name: 'POST /delegation',
      bareDoes: 'parses a JSON body, hashes the refresh token (SHA-256) and signs an RS256 id_token with the same claims and key size with jose',
      request: jsonPost(`${url}/delegation`, {
        client_id: BENCH.clientId,
        grant_type: JWT_BEARER,
        refresh_token: fixtures.refreshToken,
        api_type: 'app',
        scope: 'openid',
      }),
      bare: jsonPost(`${url}${BARE_ROUTES.delegate}`, { refresh_token: fixtures.refreshToken, sub: BENCH.userId }),
    });
  }
  return { login: jsonPostEach(`${url}/oauth/ro`, fixtures.loginBodies), paths };
}
