import { requireCounterStore } from '../config/require-counter-store.js';
import { validateDirectoryOptions } from '../config/validate-directory-options.js';
import { indexConfig } from '../config/resolve-client.js';
import type { OAuthRoConfig } from '../config/types.js';
import type { OAuthError } from '../errors/oauth-error.js';
import { fromFetchRequest, toFetchResponse, type FetchOptions } from '../http/handle-fetch.js';
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
import { createMetricsRegistry } from '../metrics/metrics-registry.js';
import { DEFAULT_IP_LIMITS, type IpLimits } from '../protection/ip-limits.js';
import { prepareCorsPolicy } from '../http/cors-policy.js';
import { ANSWER_NOW } from '../http/answer-now.js';
import { createRequestBoundary } from './request-boundary.js';
import { prepareGeoloc, type GeolocOptions } from '../legacy/geoloc-settings.js';
import { traceDeps } from '../tracing/trace-deps.js';
import { bindMfaAdministration, type MfaAdministration } from '../guardian/mfa-administration.js';

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
  const answerNow = createRequestBoundary(ctx, prepareCorsPolicy(config.clients));
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
