import { bearerGet, jsonPost, type BenchRequest } from '../load/bench-request.js';
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
  ];
  if (fixtures.refreshToken !== undefined) {
    paths.push({
      name: 'POST /delegation',
      bareDoes: 'parses a JSON body and signs an RS256 id_token with the same claims and key size with jose',
      request: jsonPost(`${url}/delegation`, {
        client_id: BENCH.clientId,
        grant_type: JWT_BEARER,
        refresh_token: fixtures.refreshToken,
        api_type: 'app',
        scope: 'openid',
      }),
      bare: jsonPost(`${url}${BARE_ROUTES.sign}`, { sub: BENCH.userId }),
    });
  }
  return { login: jsonPost(`${url}/oauth/ro`, fixtures.loginBody), paths };
}
