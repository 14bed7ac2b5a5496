// @oauth-ro/core — the public API, written by hand: what an app embedding oauth-ro needs. Each name is
// listed with one line in ARCHITECTURE.md ("The public API"); packages/core/api/*.api.md is the report
// a change here must update (`pnpm --filter @oauth-ro/core api:update`). What implementers of a port
// need lives on `@oauth-ro/core/ports`, the admin functions on `/admin`, the OpenAPI document on
// `/openapi`, the Node bridge on `/node`; `/internal` is for oauth-ro's own packages and unstable.

// Create an instance and answer requests.
export { createOAuthRo } from './handlers/create-oauth-ro.js';
export { ROUTE_PATHS } from './handlers/routes.js';
export type { CreateOAuthRoOptions, OAuthRo } from './handlers/create-oauth-ro.js';
export type { FetchOptions } from './http/handle-fetch.js';
export { MAX_BODY_BYTES } from './http/types.js';
export type { OAuthRequest, OAuthResponse } from './http/types.js';
export { errorResponse } from './http/respond.js';
export { bearerToken } from './handlers/handle-profile.js';
export type { TokenRequirements } from './tokens/check-token-requirements.js';
export type { TokenClaims } from './tokens/verify-access-token.js';
export type { IdTokenClaims } from './tokens/verify-id-token.js';

// Configuration.
export { normalizeConfig } from './config/normalize-config.js';
export type { ClientConfig, ConnectionConfig, OAuthRoConfig } from './config/types.js';
export type { GeolocOptions } from './legacy/geoloc-settings.js';
export type { IpLimits } from './protection/ip-limits.js';
export type { PasswordlessOptions } from './passwordless/prepare-passwordless.js';
export { ConfigurationError } from './errors/oauth-error.js';

// Errors and results.
export { oauthError } from './errors/oauth-error.js';
export type { OAuthError } from './errors/oauth-error.js';
export type { OAuthErrorCode } from './errors/error-table.js';
export { isUnavailableError, UnavailableError } from './errors/unavailable-error.js';
export type { Result } from './util/result.js';

// The ports: what `deps` holds (records and helpers for implementing one: `@oauth-ro/core/ports`).
export type { CoreDeps } from './ports/deps.js';
export type { UserStore } from './ports/user-store.js';
export type { KeyStore } from './ports/key-store.js';
export type { RefreshTokenStore } from './ports/refresh-token-store.js';
export type { DeviceCredentialStore } from './ports/device-credential-store.js';
export type { UsedAssertionStore } from './ports/used-assertion-store.js';
export type { CodeStore } from './ports/code-store.js';
export type { CounterStore } from './ports/counter-store.js';
export type { TicketStore } from './ports/ticket-store.js';
export type { PasswordHistoryStore } from './ports/password-history-store.js';
export type { MfaEnrollmentStore } from './ports/mfa-enrollment-store.js';
export type { PasswordHasher } from './ports/password-hasher.js';
export type { Directory } from './ports/directory.js';
export type { MessageSender } from './ports/message-sender.js';
export type { AuditEvent, AuditSink } from './ports/audit-sink.js';
export type { LoginHooks } from './ports/login-hooks.js';
export type { CustomDatabase } from './ports/custom-database.js';
// Stores: what every store package returns, and how several are composed into `deps`.
export type { StoreBundle, StorePorts } from './ports/store-bundle.js';
export { combineStores } from './ports/combine-stores.js';
export type { CombinedStores } from './ports/combine-stores.js';
export { systemClock } from './ports/clock.js';
export type { Clock } from './ports/clock.js';
export { webCryptoRandom } from './ports/random.js';
export type { Random } from './ports/random.js';
export { silentLogger } from './ports/logger.js';
export type { Logger } from './ports/logger.js';
