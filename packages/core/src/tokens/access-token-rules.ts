/**
 * The rules every verifier of an oauth-ro access token applies — core's own handlers, the Express and
 * Hono `requireAuth`, and the Fastify adapter's `@fastify/jwt` configuration — so none drifts:
 *
 * - at most {@link ACCESS_TOKEN_RULES.maxLength} characters;
 * - header `typ` is `at+jwt` (RFC 9068; `application/at+jwt` too, case-insensitive): an id_token
 *   (`typ: JWT`) is never an access token, whatever its audience;
 * - signed with one of the server's own keys, found by `kid` in the key ring, with that key's `alg`
 *   (one of {@link ACCESS_TOKEN_RULES.algorithms}): never HS256 (a client's secret), never `none`;
 *   `jku`, `jwk`, `x5u` and `x5c` headers are ignored;
 * - `iss` is the issuer; `sub` is a string; `exp` is present and not past, with
 *   {@link ACCESS_TOKEN_RULES.clockToleranceS} seconds of tolerance (as for `nbf`/`iat`);
 * - when the caller names an audience, `aud` contains it.
 *
 * @example
 * ACCESS_TOKEN_RULES.typ; // 'at+jwt'
 */
export const ACCESS_TOKEN_RULES = {
  typ: 'at+jwt',
  algorithms: ['RS256', 'ES256', 'EdDSA'] as readonly ('RS256' | 'ES256' | 'EdDSA')[],
  clockToleranceS: 30,
  maxLength: 16384,
  requiredClaims: ['iss', 'sub', 'exp'] as readonly string[],
} as const;

/**
 * Whether a JOSE `typ` header names an access token (`at+jwt`, `application/at+jwt`, any case).
 *
 * @example isAccessTokenType('application/AT+JWT'); // true
 */
export function isAccessTokenType(typ: unknown): boolean {
  return typeof typ === 'string' && typ.toLowerCase().replace(/^application\//, '') === ACCESS_TOKEN_RULES.typ;
}
