import { requireCounterStore } from '../config/require-counter-store.js';
import { validateDirectoryOptions } from '../config/validate-directory-options.js';
import { indexConfig } from '../config/resolve-client.js';
import type { OAuthRoConfig } from '../config/types.js';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { isUnavailableError } from '../errors/unavailable-error.js';
import { checkRequestHeaders } from '../http/check-request-headers.js';
import { fromFetchRequest, toFetchResponse, type FetchOptions } from '../http/handle-fetch.js';
import { errorResponse } from '../http/respond.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { preparePasswordless, type PasswordlessOptions } from '../passwordless/prepare-passwordless.js';
import type { CoreDeps } from '../ports/deps.js';
import type { SigningKeyRecord } from '../ports/key-store.js';
import { clientSecretKey } from '../tokens/client-secret-key.js';
import { parseKeyEncryptionKey } from '../tokens/key-encryption.js';
import { loadKeyRing, type KeyRingOptions } from '../tokens/key-ring.js';
import type { MintContext } from '../tokens/mint-tokens.js';
import { accessTokenAudience } from '../tokens/mint-access-token.js';
import { verifyAccessToken, type TokenClaims } from '../tokens/verify-access-token.js';
import type { TokenRequirements } from '../tokens/check-token-requirements.js';
import { verifyIdToken, type IdTokenClaims } from '../tokens/verify-id-token.js';
import type { Result } from '../util/result.js';
import { prepareMfa } from '../mfa/prepare-mfa.js';
import type { HandlerContext } from './context.js';
import { prepareAdminToken } from '../admin/admin-token.js';
import { handleAdminListBlocks, handleAdminListUserBlocks, handleAdminUnblockIdentifier, handleAdminUnblockUser } from './handle-admin-user-blocks.js';
import { handleAdminDeleteUser, handleAdminGetUser, handleAdminPatchUser } from './handle-admin-users.js';
import { handleAccessToken } from './handle-access-token.js';
import { handleDelegation } from './handle-delegation.js';
import { handleCreateDeviceCredential, handleDeleteDeviceCredential, handleListDeviceCredentials } from './handle-device-credentials.js';
import { handleDiscovery, handleHealth, handleJwks, handleMetrics } from './handle-discovery.js';
import { handleLive, handleReady } from './handle-health-probes.js';
import { createMetricsRegistry } from '../metrics/metrics-registry.js';
import { DEFAULT_IP_LIMITS, type IpLimits } from '../protection/ip-limits.js';
import { handlePasswordlessStart } from './handle-passwordless-start.js';
import { handlePasswordlessVerify } from './handle-passwordless-verify.js';
import { handlePasswordlessVerifyRedirect } from './handle-passwordless-verify-redirect.js';
import { handleTokenInfo, handleUserInfo } from './handle-profile.js';
import { handleRevoke } from './handle-revoke.js';
import { handleRo } from './handle-ro.js';
import { handleSignup } from './handle-signup.js';
import { handleClientScript } from './handle-client-script.js';
import { handleLogout } from './handle-logout.js';
import { handleTokenInfoGet } from './handle-tokeninfo-get.js';
import { handleGeolocCountry, handleSsoData } from './handle-user-legacy.js';
import { prepareCorsPolicy } from '../http/cors-policy.js';
import { ANSWER_NOW } from '../http/answer-now.js';
import { withCors } from '../http/cors.js';
import { prepareGeoloc, type GeolocOptions } from '../legacy/geoloc-settings.js';
import { handleToken } from './handle-token.js';
import { handleChangePassword } from './handle-change-password.js';
import { handleResetPage, handleResetSubmit } from './handle-reset-page.js';
import { handleVerifyEmail } from './handle-verify-email.js';
import { traceDeps } from '../tracing/trace-deps.js';
import { traceRequest } from '../tracing/trace-requests.js';
import type { MaybePromise } from '../util/maybe-promise.js';
import { handleCreatePasswordChangeTicket, handleSendVerificationEmail } from './handle-account-tickets.js';
import { handleEnrollmentPage, handleEnrollmentSubmit } from './handle-enrollment-page.js';
import { bindMfaAdministration, type MfaAdministration } from '../guardian/mfa-administration.js';
import { handleCreateEnrollmentTicket } from './handle-enrollment-ticket.js';
import { handleAdminDeleteEnrollment, handleAdminGetEnrollment, handleAdminListUserEnrollments, handleAdminRegenerateRecoveryCode, handleAdminResetUserMfa } from './handle-guardian-enrollments.js';

type Handler = (ctx: HandlerContext, request: OAuthRequest) => Promise<OAuthResponse> | OAuthResponse;

/** Every route, by path then method. */
const ROUTES: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
  '/oauth/ro': { POST: handleRo },
  '/dbconnections/signup': { POST: handleSignup },
  '/tokeninfo': { POST: handleTokenInfo, GET: handleTokenInfoGet },
  '/userinfo': { GET: handleUserInfo, POST: handleUserInfo },
  '/.well-known/jwks.json': { GET: handleJwks },
  '/.well-known/openid-configuration': { GET: handleDiscovery },
  '/health': { GET: handleHealth },
  '/health/live': { GET: handleLive },
  '/health/ready': { GET: handleReady },
  '/metrics': { GET: handleMetrics },
  '/passwordless/start': { POST: handlePasswordlessStart },
  '/passwordless/verify': { POST: handlePasswordlessVerify },
  '/passwordless/verify_redirect': { GET: handlePasswordlessVerifyRedirect },
  '/delegation': { POST: handleDelegation },
  '/oauth/token': { POST: handleToken },
  '/oauth/revoke': { POST: handleRevoke },
  '/oauth/access_token': { POST: handleAccessToken },
  '/api/v2/device-credentials': { GET: handleListDeviceCredentials, POST: handleCreateDeviceCredential },
  '/api/v2/device-credentials/:id': { DELETE: handleDeleteDeviceCredential },
  // Administration, with the admin token (404 without one configured).
  '/api/v2/user-blocks': { GET: handleAdminListBlocks, DELETE: handleAdminUnblockIdentifier },
  '/api/v2/user-blocks/:id': { GET: handleAdminListUserBlocks, DELETE: handleAdminUnblockUser },
  '/api/v2/users/:id': { GET: handleAdminGetUser, PATCH: handleAdminPatchUser, DELETE: handleAdminDeleteUser },
  // What Lock and auth0.js call from the browser besides the API above.
  '/client/:id': { GET: handleClientScript },
  '/user/ssodata': { GET: handleSsoData },
  '/user/geoloc/country': { GET: handleGeolocCountry },
  '/logout': { GET: handleLogout },
  '/v2/logout': { GET: handleLogout },
  // Account flows (docs/spec.d/accounts.md): reset and verification links, and their admin API.
  '/dbconnections/change_password': { POST: handleChangePassword },
  '/lo/reset': { GET: handleResetPage, POST: handleResetSubmit },
  '/api/v2/tickets/email-verification': { GET: handleVerifyEmail },
  '/api/v2/tickets/password-change': { POST: handleCreatePasswordChangeTicket },
  '/api/v2/jobs/verification-email': { POST: handleSendVerificationEmail },
  // MFA enrolment (docs/spec.md §5.11): the ticket page, and the Management API around it.
  '/guardian/enrollment': { GET: handleEnrollmentPage, POST: handleEnrollmentSubmit },
  '/api/v2/guardian/enrollments/ticket': { POST: handleCreateEnrollmentTicket },
  '/api/v2/guardian/enrollments/:id': { GET: handleAdminGetEnrollment, DELETE: handleAdminDeleteEnrollment },
  '/api/v2/users/:id/enrollments': { GET: handleAdminListUserEnrollments },
  '/api/v2/users/:id/recovery-code-regeneration': { POST: handleAdminRegenerateRecoveryCode },
  '/api/v2/users/:id/multifactor/:provider': { DELETE: handleAdminResetUserMfa },
};

/** Methods a metric label names as they are; any other is counted as `OTHER`. */
const METRIC_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The paths oauth-ro answers, for adapters that register routes one by one; `:id` is one path segment. */
export const ROUTE_PATHS: readonly string[] = Object.keys(ROUTES);

/** A route: its pattern and its handlers by method. */
interface Route {
  readonly pattern: string;
  readonly methods: Readonly<Record<string, Handler>>;
}

/** Every route by its pattern, built once: exact paths are one lookup. */
const ROUTE_TABLE: ReadonlyMap<string, Route> = new Map(Object.entries(ROUTES).map(([pattern, methods]) => [pattern, { pattern, methods }]));

const PARAM_ROUTES = ROUTE_PATHS.filter((p) => p.includes('/:')).map((p) => [ROUTE_TABLE.get(p)!, p.split('/')] as const);

/** The route of a path and its pattern: exact, else a pattern whose `:name` segments each match one non-empty segment. */
function routeOf(path: string): Route | undefined {
  const exact = ROUTE_TABLE.get(path);
  if (exact) return exact;
  const segments = path.split('/');
  const match = PARAM_ROUTES.find(([, pattern]) =>
    pattern.length === segments.length && pattern.every((p, i) => (p.startsWith(':') ? segments[i] !== '' : p === segments[i])),
  );
  return match?.[0];
}

/** A request's path as routed: without its trailing slashes (docs/spec.md §3.7). */
function routedPath(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') : path;
}

/**
 * Whether oauth-ro answers a path (relative to where it is mounted; a trailing slash is ignored),
 * for adapters that forward requests and pass every other path on to the host app.
 *
 * @example hasRoute('/api/v2/users/auth0%7C1'); // true
 */
export function hasRoute(path: string): boolean {
  return routeOf(routedPath(path)) !== undefined;
}

/**
 * Whether a full request path ends with one of oauth-ro's routes, wherever the app mounted them
 * (for error handlers that run outside oauth-ro's own router).
 *
 * @example endsWithRoute('/auth/api/v2/device-credentials/abc'); // true
 */
export function endsWithRoute(path: string): boolean {
  const segments = path.replace(/\/+$/, '').split('/');
  return ROUTE_PATHS.some((route) => {
    const pattern = route.split('/');
    const tail = segments.slice(-pattern.length + 1);
    return (
      tail.length === pattern.length - 1 &&
      pattern.slice(1).every((p, i) => (p.startsWith(':') ? tail[i] !== '' : p === tail[i]))
    );
  });
}

/** An oauth-ro instance: one request handler plus what host apps need to trust its tokens. */
export interface OAuthRo {
  readonly issuer: string;
  /** Answers any request; never throws, never leaks a stack trace. */
  handle(request: OAuthRequest): Promise<OAuthResponse>;
  /**
   * The Web-standard entry (Workers, Deno, Bun, any Fetch runtime): answers a Fetch `Request`
   * through {@link OAuthRo.handle}, the body capped at 16 KiB. `options` says what a `Request` does
   * not: the client address, and the path relative to the mount when it is not the URL's.
   *
   * @example export default { fetch: (request: Request) => oauthRo.fetch(request) };
   */
  fetch(request: Request, options?: FetchOptions): Promise<Response>;
  /**
   * Verifies an access token this instance issued, for protecting host routes: the one verifier
   * behind `requireAuth` and the Fastify `authenticate`, by {@link ACCESS_TOKEN_RULES} (`typ: at+jwt`,
   * the server's own keys by `kid`, our issuer, `sub` and `exp`; `requirements` can demand an API
   * audience and scopes). id_tokens and tokens signed with a client's secret are refused.
   */
  verifyAccessToken(token: string, requirements?: TokenRequirements): Promise<Result<TokenClaims, OAuthError>>;
  /**
   * Verifies an id_token this instance issued to `client_id` (its single audience): for a client's
   * own back end. HS256 tokens with that client's secret, others with the server's keys.
   */
  verifyIdToken(token: string, client_id: string): Promise<Result<IdTokenClaims, OAuthError>>;
  /** @deprecated Same as {@link OAuthRo.verifyAccessToken}: an id_token is no longer accepted. */
  verifyToken(token: string, requirements?: TokenRequirements): Promise<Result<TokenClaims, OAuthError>>;
  /** The audience of this instance's access tokens for `/userinfo` (`<issuer>userinfo`). */
  readonly userinfoAudience: string;
  /** The HS256 key of a client (its decoded secret), for the client's own back end to check its id_tokens. */
  clientKey(client_id: string): Uint8Array | undefined;
  /** Public signing keys as JWKS. */
  jwks(): { keys: Record<string, unknown>[] };
  /** The public JWK of `kid`, reloading the keys (rate-limited) when another instance rotated it in. */
  publicJwk(kid: string): Promise<Record<string, unknown> | undefined>;
  /**
   * A new key signs for `alg` (default RS256); the previous one stays in JWKS until the tokens it
   * signed have expired. Other instances on the same key store follow within their refresh interval.
   */
  rotateSigningKey(alg?: SigningKeyRecord['alg']): Promise<{ kid: string }>;
  /**
   * MFA (TOTP) enrolment outside the ticket page (the `oauth-ro users mfa` commands, an embedder's
   * own screen); undefined without `deps.mfaEnrollments` (docs/spec.md §5.11).
   */
  readonly mfa?: MfaAdministration;
  /** Releases directory connections. */
  close(): Promise<void>;
}

/** Options of {@link createOAuthRo}. */
export interface CreateOAuthRoOptions {
  readonly config: OAuthRoConfig;
  readonly deps: CoreDeps;
  /**
   * Seals private signing keys at rest (AES-256-GCM): 32 bytes, or their base64/base64url/hex text
   * (the server reads it from `OAUTH_RO_KEY_ENCRYPTION_KEY`).
   */
  readonly keyEncryptionKey?: string | Uint8Array;
  /** Key ring tuning: how often other instances' rotations are picked up. */
  readonly keyRing?: Pick<KeyRingOptions, 'refreshIntervalMs' | 'unknownKidReloadMs'>;
  /**
   * `sms`/`email` connections: the code hash key (32 bytes kept outside the database;
   * without it, derived from the key-encryption key) and the throttling limits.
   */
  readonly passwordless?: PasswordlessOptions;
  /** Per-IP throttles across users: failed logins and sign-ups per window (defaults 100 and 50 an hour). */
  readonly ipLimits?: Partial<IpLimits>;
  /**
   * Turns on the admin API (`/api/v2/user-blocks`, `/api/v2/users/{id}`), which then requires
   * `Authorization: Bearer <adminToken>`: at least 32 visible ASCII characters, else
   * `createOAuthRo` throws a `ConfigurationError`. Without it those routes answer 404.
   */
  readonly adminToken?: string;
  /** `GET /user/geoloc/country`: the default country and a trusted proxy's country header. */
  readonly geoloc?: GeolocOptions;
}

/**
 * Builds an oauth-ro instance: indexes the configuration, loads (or creates) the signing keys and
 * derives client keys, all once. Adapters call `handle` per request. Throws a `ConfigurationError`
 * for a configuration it cannot honour, e.g. brute-force protection (on by default on password
 * connections) without `deps.counters`, or a directory connection whose options its directory's
 * `validate` refuses.
 *
 * Traced through `@opentelemetry/api`: one span per request (continuing a W3C `traceparent`) with a
 * child span per port call, validation and signing; all no-ops unless the host registered an SDK.
 *
 * @example
 * const oauthRo = await createOAuthRo({ config, deps });
 * const res = await oauthRo.handle({ method: 'GET', path: '/health', headers: {}, ip: '127.0.0.1' });
 */
export async function createOAuthRo(options: CreateOAuthRoOptions): Promise<OAuthRo> {
  const { config } = options;
  requireCounterStore(config, options.deps);
  validateDirectoryOptions(config, options.deps);
  // Every port call is a span (a no-op without an OpenTelemetry SDK), whatever implements it.
  const deps = traceDeps(options.deps);
  const algs = new Set<SigningKeyRecord['alg']>(['RS256']);
  for (const client of config.clients) {
    const alg = client.jwt_configuration.alg;
    if (alg !== 'HS256') algs.add(alg);
  }
  const kek = typeof options.keyEncryptionKey === 'string' ? parseKeyEncryptionKey(options.keyEncryptionKey) : options.keyEncryptionKey;
  const keyRing = await loadKeyRing(deps.keys, deps.clock, [...algs], {
    ...options.keyRing,
    ...(kek ? { keyEncryptionKey: kek } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
    maxTokenLifetimeS: Math.max(
      ...config.clients.map((c) => c.jwt_configuration.lifetime_in_seconds),
      ...(config.resource_servers ?? []).map((api) => api.token_lifetime),
      0,
    ),
  });
  const clientKeys = new Map<string, Uint8Array>();
  for (const client of config.clients) {
    const key = clientSecretKey(client);
    if (key && client.jwt_configuration.alg === 'HS256') clientKeys.set(client.client_id, key);
  }
  const mint: MintContext = { issuer: config.issuer, keyRing, clientKeys, clientIds: new Set(config.clients.map((c) => c.client_id)) };
  const passwordless = await preparePasswordless(config, deps, options.passwordless, kek);
  const mfa = await prepareMfa(config, deps, kek);
  const metrics = createMetricsRegistry();
  const adminToken = options.adminToken === undefined ? undefined : await prepareAdminToken(options.adminToken);
  const ctx: HandlerContext = {
    index: indexConfig(config), deps, mint, passwordless, metrics, ipLimits: { ...DEFAULT_IP_LIMITS, ...options.ipLimits },
    ...(adminToken ? { adminToken } : {}),
    geoloc: prepareGeoloc(options.geoloc),
    ...(mfa ? { mfa } : {}),
  };
  const cors = prepareCorsPolicy(config.clients);

  // A flood shed by the hashing queue answers thousands of 503s a second: one line per second and
  // reason, with how many were not logged since, keeps the log (and the event loop) out of it.
  const unavailableLines = new Map<string, { readonly until: number; suppressed: number }>();
  function logUnavailable(error: Error, path: string): void {
    const key = `${path}\u0000${error.message}`;
    const now = deps.clock.now();
    const last = unavailableLines.get(key);
    if (last && now < last.until) {
      last.suppressed += 1;
      return;
    }
    if (unavailableLines.size >= 256) unavailableLines.clear();
    unavailableLines.set(key, { until: now + 1000, suppressed: 0 });
    const suppressed = last?.suppressed ?? 0;
    deps.logger?.warn({ err: { name: error.name, message: error.message }, path, ...(suppressed > 0 ? { suppressed } : {}) }, 'temporarily unavailable');
  }

  /**
   * A handler's answer; a throw becomes a 503 (a port unavailable; logged once a second per path and
   * reason, with the count not logged since) or a 500, logged without its stack.
   */
  function failure(error: unknown, path: string): OAuthResponse {
    if (isUnavailableError(error)) {
      logUnavailable(error, path);
      return errorResponse(oauthError('temporarily_unavailable', undefined, error.retryAfter));
    }
    deps.logger?.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error), path }, 'request failed');
    return errorResponse(oauthError('server_error'));
  }

  /**
   * The route's answer, with its metrics. At once when the handler answers at once (JWKS, discovery,
   * the probes): no promise, so an adapter can hand it to its framework in the same turn.
   */
  function handle(request: OAuthRequest, path: string, route: Route | undefined): MaybePromise<OAuthResponse> {
    const tooLarge = checkRequestHeaders(request);
    if (tooLarge) return errorResponse(tooLarge);
    const method = request.method === 'HEAD' ? 'GET' : request.method;
    // Unmatched paths and methods are counted too (scanners, misconfigured clients), with bounded labels.
    const label = METRIC_METHODS.has(method) ? method : 'OTHER';
    if (!route) {
      metrics.observeRequest('(unmatched)', label, 404, 0);
      return errorResponse(oauthError('not_found', `no route for ${request.method} ${path.slice(0, 200)}`));
    }
    const handler = Object.hasOwn(route.methods, method) ? route.methods[method] : undefined;
    if (!handler) {
      metrics.observeRequest(route.pattern, label, 405, 0);
      return errorResponse(oauthError('method_not_allowed'));
    }
    const pattern = route.pattern;
    const started = performance.now();
    const observed = (response: OAuthResponse): OAuthResponse => {
      metrics.observeRequest(pattern, method, response.status, (performance.now() - started) / 1000);
      return response;
    };
    let answered: MaybePromise<OAuthResponse>;
    try {
      answered = handler(ctx, request);
    } catch (error) {
      return observed(failure(error, path));
    }
    return answered instanceof Promise ? answered.then(observed, (error: unknown) => observed(failure(error, path))) : observed(answered);
  }

  // One span covers each request and CORS wraps every answer, Fetch entry included (docs/spec.md);
  // the path is normalised and routed once for all three.
  const answerNow = (request: OAuthRequest): MaybePromise<OAuthResponse> => {
    const path = routedPath(request.path);
    const route = routeOf(path);
    return traceRequest(request, path, route?.pattern, () => withCors(cors, request, route, () => handle(request, path, route)));
  };
  // `handle` keeps its contract: always a promise, never a throw.
  const answer = (request: OAuthRequest): Promise<OAuthResponse> => {
    try {
      return Promise.resolve(answerNow(request));
    } catch (error) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(error);
    }
  };
  const instance: OAuthRo = {
    issuer: config.issuer,
    handle: answer,
    verifyAccessToken: (token, verifyOptions) => verifyAccessToken(mint, token, deps.clock.now(), verifyOptions),
    verifyIdToken: (token, client_id) => verifyIdToken(mint, token, deps.clock.now(), { client_id }),
    verifyToken: (token, requirements) => verifyAccessToken(mint, token, deps.clock.now(), requirements),
    userinfoAudience: accessTokenAudience(config.issuer),
    fetch: async (request, fetchOptions) => toFetchResponse(await answer(await fromFetchRequest(request, fetchOptions))),
    clientKey: (client_id) => clientKeys.get(client_id),
    jwks: () => keyRing.jwks() as { keys: Record<string, unknown>[] },
    rotateSigningKey: async (alg = 'RS256') => ({ kid: (await keyRing.rotate(alg)).kid }),
    publicJwk: async (kid) => (await keyRing.resolve(kid))?.publicJwk as Record<string, unknown> | undefined,
    ...(ctx.mfa ? { mfa: bindMfaAdministration(ctx) } : {}),
    async close() {
      await Promise.all(Object.values(deps.directories ?? {}).map((d) => d.close?.()));
      await Promise.all(Object.values(deps.senders ?? {}).map((s) => s?.close?.()));
    },
  };
  // Hidden from the public type and from enumeration: for oauth-ro's own adapters, through `answerNow`.
  Object.defineProperty(instance, ANSWER_NOW, { value: answerNow });
  return instance;
}
