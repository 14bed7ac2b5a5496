import type { BenchSettings } from '../plan/bench-settings.js';
import type { PeersResult } from '../plan/run-peers.js';
import { fixed, markdownTable } from './markdown-table.js';

/** oauth-ro ÷ oidc-provider must exceed this on every path and adapter. */
const PEER_GOAL = 1;

/**
 * Section (9) of BENCHMARKS.md: oauth-ro's token paths against oidc-provider's, and the
 * password-login overhead of oauth-ro and Better Auth side by side.
 *
 * @example out.push(...renderPeers(results.peers[0], settings));
 */
export function renderPeers(p: PeersResult, s: BenchSettings): string[] {
  const above = (ratio: number) => (Number.isFinite(ratio) ? `**${fixed(ratio, 2)}** ${ratio > PEER_GOAL ? '✅' : '❌'}` : 'n/a');
  const oauthRo = p.overhead.filter((row) => row.system.startsWith('oauth-ro'));
  const betterAuth = p.overhead.filter((row) => !row.system.startsWith('oauth-ro'));
  const lowest = (rows: typeof p.overhead, key: 'ratio' | 'cpuRatio') => Math.min(...rows.map((row) => row[key]));
  const highest = (rows: typeof p.overhead, key: 'ratio' | 'cpuRatio') => Math.max(...rows.map((row) => row[key]));
  const overheadVerdict = (key: 'ratio' | 'cpuRatio') =>
    oauthRo.length > 0 && betterAuth.length > 0
      ? `${fixed(lowest(oauthRo, key), 2)} (oauth-ro, lowest) against ${fixed(highest(betterAuth, key), 2)} (Better Auth) ${lowest(oauthRo, key) > highest(betterAuth, key) ? '✅' : '❌'}`
      : 'n/a';
  return [
    '## 9. Peers in the same run: node-oidc-provider token paths, Better Auth password sign-in',
    '',
    `### 9a. Token paths against oidc-provider ${p.oidcProviderVersion} (goal: oauth-ro ÷ oidc-provider > ${PEER_GOAL} on every path and adapter)`,
    '',
    'One oidc-provider child (default in-memory adapter, RS256 key of the same size) serves the whole section;',
    `per adapter, every oauth-ro path is warmed, then each runs A-B-B-A against its oidc-provider counterpart (${s.pathConnections} connections, ${s.pathSeconds} s each run):`,
    '',
    '- `client_credentials`: `POST /oauth/token` for an API (`audience`, a `client_grants` entry, `client_secret_basic`) against',
    '  oidc-provider\'s `client_credentials` grant (`client_secret_basic`, a resource server with JWT access tokens). One RS256 JWT each.',
    '- `refresh_token`: `POST /oauth/token` `grant_type=refresh_token` with the non-rotating refresh token of an',
    '  `openid offline_access` login (public client, as Auth0\'s mobile apps) against oidc-provider\'s `refresh_token` grant with a',
    '  refresh token seeded through its own models (a `Grant` of `openid offline_access` + the API\'s `api` scope, confidential',
    '  client, not rotated). Each answers an RS256 JWT access token and an RS256 id_token.',
    '- `/delegation ÷ client_credentials`: `POST /delegation` (refresh token → id_token) against oidc-provider\'s `client_credentials`, as in section 3.',
    '- `bare RS256 sign ÷ client_credentials`: the adapter\'s bare route that only parses JSON and signs with jose, the bound of any',
    '  RS256-issuing endpoint, against oidc-provider\'s `client_credentials`.',
    '',
    markdownTable(
      ['adapter', 'path', 'oauth-ro req/s', 'oidc-provider req/s', 'ratio', 'oauth-ro per CPU-s', 'oidc-provider per CPU-s', 'ratio per CPU-s', 'non-2xx'],
      p.paths.map((row) => [
        row.target,
        row.path,
        fixed(row.perSecond),
        fixed(row.oidcPerSecond),
        above(row.ratio),
        fixed(row.perCpuSecond),
        fixed(row.oidcPerCpuSecond),
        above(row.cpuRatio),
        fixed(row.notOk),
      ]),
    ),
    '',
    `### 9b. Password-login overhead: oauth-ro against Better Auth ${p.betterAuthVersion} (goal: oauth-ro's well above Better Auth's)`,
    '',
    'Overhead ratio = successful logins per second ÷ that system\'s own raw password verifies per second, at the same',
    `concurrency (${s.loginConnections} in flight), after ${s.loginWarmupSeconds} s of logins unmeasured on each system (V8's warm-up), the raw verifies in a separate child process measured just before and just after the`,
    `login run (${s.loginSeconds} s each). 1.0 would mean the login costs nothing beyond its hash. The login runs measured here are`,
    `counted (as many logins as the raw rate gives in ${s.loginSeconds} s, split evenly over the connections; the rate is over the time to the last`,
    'answer), because a timed run drops the logins in flight when it ends: up to one per connection, a fifth of the count when a login',
    'takes over a second. oauth-ro: `POST /oauth/ro`, OWASP argon2id through `createArgon2Hasher()`, against raw `@node-rs/argon2`',
    'verifies; section 1\'s rows when it ran in this run (timed runs: their loss, one login per connection at tens of logins per second,',
    'is a few per cent against oauth-ro), else Fastify measured here. Better Auth:',
    'its defaults for email and password (its own scrypt `verifyPassword` from `better-auth/crypto`, a session row written per',
    'sign-in) on in-memory SQLite (better-sqlite3, its Kysely dialect, its own migrations) behind `toNodeHandler` on a plain',
    'Node HTTP server, rate limiting and telemetry off, each connection cycling through the users; against raw',
    '`verifyPassword` of the same hash parameters.',
    '',
    markdownTable(
      ['system, login', 'logins/s', 'raw verifies/s', 'overhead ratio', 'logins per CPU-s', 'raw per CPU-s', 'ratio per CPU-s', 'CPU ms per login beyond the hash', 'non-2xx'],
      p.overhead.map((row) => [
        `${row.system}${row.fromSection1 ? ' (section 1)' : ''}`,
        fixed(row.loginPerSecond),
        fixed(row.rawPerSecond),
        `**${fixed(row.ratio, 2)}**`,
        fixed(row.loginPerCpuSecond, 1),
        fixed(row.rawPerCpuSecond, 1),
        `**${fixed(row.cpuRatio, 2)}**`,
        fixed(1000 / row.loginPerCpuSecond - 1000 / row.rawPerCpuSecond, 2),
        fixed(row.notOk),
      ]),
    ),
    '',
    `Throughput: ${overheadVerdict('ratio')}; per CPU-second: ${overheadVerdict('cpuRatio')}.`,
    '',
    'The ratio is relative to each system\'s own hash, so a costlier hash hides more of the same work: "CPU ms per login',
    'beyond the hash" (1000 ÷ logins per CPU-s − 1000 ÷ raw verifies per CPU-s) is the work itself, comparable across systems',
    '(coarse: the difference of two noisy figures).',
    '',
  ];
}
