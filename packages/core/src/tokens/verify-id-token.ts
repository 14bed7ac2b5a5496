import { decodeJwt, decodeProtectedHeader, jwtVerify, type ProtectedHeaderParameters } from 'jose';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { err, ok, type Result } from '../util/result.js';
import { ACCESS_TOKEN_RULES, isAccessTokenType } from './access-token-rules.js';
import type { MintContext } from './mint-tokens.js';
import type { TokenClaims } from './verify-access-token.js';
import { verifyServerSigned } from './verify-server-signed.js';

/** The claims of a verified id_token, with the one client it was issued to. */
export type IdTokenClaims = TokenClaims & { aud: string };

/** Options of {@link verifyIdToken}. */
export interface VerifyIdTokenOptions {
  /** The token's audience must be exactly this client. */
  readonly client_id?: string;
  /** Refuse tokens signed with a client's secret (HS256): only the server's own keys. */
  readonly serverKeysOnly?: boolean;
}

/** The single audience of a token: a string, or an array of exactly one string. */
function singleAudience(aud: unknown): string | undefined {
  if (typeof aud === 'string') return aud;
  return Array.isArray(aud) && aud.length === 1 && typeof aud[0] === 'string' ? aud[0] : undefined;
}

/**
 * Verifies an id_token this server issued to one of its clients. Its audience is a single, known
 * client (never an extra audience, never the userinfo audience); an access token (`typ: at+jwt`) is
 * refused. HS256 tokens are verified with the secret of that one client, so a client's secret
 * signs for that client and nothing else; other tokens with the server's keys by `kid`. Failures
 * are 401 `invalid_token`. Never throws.
 *
 * @example
 * const claims = await verifyIdToken(mint, id_token, Date.now(), { client_id: 'AbC' });
 */
export async function verifyIdToken(
  ctx: MintContext,
  token: string,
  nowMs: number,
  options: VerifyIdTokenOptions = {},
): Promise<Result<IdTokenClaims, OAuthError>> {
  const invalid = err(oauthError('invalid_token'));
  if (token.length > ACCESS_TOKEN_RULES.maxLength) return invalid;
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return invalid;
  }
  if (isAccessTokenType(header.typ)) return invalid;
  /** The token's one audience must be a known client, and the one asked for (if any). */
  const forClient = (aud: unknown): Result<string, OAuthError> => {
    const client_id = singleAudience(aud);
    if (client_id === undefined || !ctx.clientIds.has(client_id)) return invalid;
    if (options.client_id !== undefined && client_id !== options.client_id) {
      return err(oauthError('invalid_token', 'the id_token was not issued to this client'));
    }
    return ok(client_id);
  };
  if (header.alg === 'HS256') {
    // The client's secret is the key: its audience is read before the signature is checked.
    let aud: unknown;
    try {
      aud = decodeJwt(token).aud;
    } catch {
      return invalid;
    }
    const client = forClient(aud);
    if (!client.ok) return client;
    const key = options.serverKeysOnly ? undefined : ctx.clientKeys.get(client.value);
    if (!key) return invalid;
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: ctx.issuer,
        audience: client.value,
        currentDate: new Date(nowMs),
        clockTolerance: ACCESS_TOKEN_RULES.clockToleranceS,
        requiredClaims: ['exp', 'sub'],
      });
      return typeof payload.sub === 'string' ? ok({ ...payload, sub: payload.sub, aud: client.value }) : invalid;
    } catch {
      return invalid;
    }
  }
  // The server's own keys, by kid: the audience is checked on the verified claims (one decode).
  const verified = await verifyServerSigned(ctx.keyRing, token, { issuer: ctx.issuer, nowMs, header });
  if (!verified) return invalid;
  const client = forClient(verified.payload.aud);
  return client.ok ? ok({ ...verified.payload, aud: client.value }) : client;
}
