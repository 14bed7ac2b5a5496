// Every route oauth-ro answers, and how a path finds its route: the one table the boundary, the
// adapters (`ROUTE_PATHS`, `hasRoute`, `endsWithRoute`) and the OpenAPI test read.
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import type { HandlerContext } from './context.js';
import { handleAdminListBlocks, handleAdminListUserBlocks, handleAdminUnblockIdentifier, handleAdminUnblockUser } from './handle-admin-user-blocks.js';
import { handleAdminDeleteUser, handleAdminGetUser, handleAdminPatchUser } from './handle-admin-users.js';
import { handleAccessToken } from './handle-access-token.js';
import { handleDelegation } from './handle-delegation.js';
import { handleCreateDeviceCredential, handleDeleteDeviceCredential, handleListDeviceCredentials } from './handle-device-credentials.js';
import { handleDiscovery, handleHealth, handleJwks, handleMetrics } from './handle-discovery.js';
import { handleLive, handleReady } from './handle-health-probes.js';
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
import { handleToken } from './handle-token.js';
import { handleChangePassword } from './handle-change-password.js';
import { handleResetPage, handleResetSubmit } from './handle-reset-page.js';
import { handleVerifyEmail } from './handle-verify-email.js';
import { handleCreatePasswordChangeTicket, handleSendVerificationEmail } from './handle-account-tickets.js';
import { handleEnrollmentPage, handleEnrollmentSubmit } from './handle-enrollment-page.js';
import { handleCreateEnrollmentTicket } from './handle-enrollment-ticket.js';
import { handleAdminDeleteEnrollment, handleAdminGetEnrollment, handleAdminListUserEnrollments, handleAdminRegenerateRecoveryCode, handleAdminResetUserMfa } from './handle-guardian-enrollments.js';

/** A route's handler: answers at once, or with a promise when it waits (a store, a hash, a signature). */
export type Handler = (ctx: HandlerContext, request: OAuthRequest) => Promise<OAuthResponse> | OAuthResponse;

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

/** The paths oauth-ro answers, for adapters that register routes one by one; `:id` is one path segment. */
export const ROUTE_PATHS: readonly string[] = Object.keys(ROUTES);

/** A route: its pattern and its handlers by method. */
export interface Route {
  readonly pattern: string;
  readonly methods: Readonly<Record<string, Handler>>;
}

/** Every route by its pattern, built once: exact paths are one lookup. */
const ROUTE_TABLE: ReadonlyMap<string, Route> = new Map(Object.entries(ROUTES).map(([pattern, methods]) => [pattern, { pattern, methods }]));

const PARAM_ROUTES = ROUTE_PATHS.filter((p) => p.includes('/:')).map((p) => [ROUTE_TABLE.get(p)!, p.split('/')] as const);

/** The route of a path and its pattern: exact, else a pattern whose `:name` segments each match one non-empty segment. */
export function routeOf(path: string): Route | undefined {
  const exact = ROUTE_TABLE.get(path);
  if (exact) return exact;
  const segments = path.split('/');
  const match = PARAM_ROUTES.find(([, pattern]) =>
    pattern.length === segments.length && pattern.every((p, i) => (p.startsWith(':') ? segments[i] !== '' : p === segments[i])),
  );
  return match?.[0];
}

/** A request's path as routed: without its trailing slashes (docs/spec.md §3.7). */
export function routedPath(path: string): string {
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
