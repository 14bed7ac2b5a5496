import { decodeJwt, jwtVerify, type JWTPayload, type ProtectedHeaderParameters } from 'jose';
import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import { err, ok, type Result } from '../util/result.js';
import { ACCESS_TOKEN_RULES, isAccessTokenType } from './access-token-rules.js';
import type { MintContext } from './mint-tokens.js';
import type { TokenClaims } from './verify-access-token.js';
import { NOT_VERIFIABLE, serverKeyFor } from './verify-server-signed.js';

/** The claims of a verified id_token, with the one client it was issued to. */
export type IdTokenClaims = TokenClaims & { aud: string };

/** Options of {@link verifyIdToken}. */
export interface VerifyIdTokenOptions {
  /** The token's audience must be exactly this client. */
  readonly client_id?: string;
  /** Refuse tokens signed with a client's secret (HS256): only the server's own keys. */
  readonly serverKeysOnly?: boolean;
}

/** A client's secret (HS256) or one of the server's own keys. */
const ID_TOKEN_ALGORITHMS = ['HS256', ...ACCESS_TOKEN_RULES.algorithms];

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
  /** The token's one audience must be a known client, and the one asked for (if any). */
  const forClient = (aud: unknown): Result<string, OAuthError> => {
    const client_id = singleAudience(aud);
    if (client_id === undefined || !ctx.clientIds.has(client_id)) return invalid;
    if (options.client_id !== undefined && client_id !== options.client_id) {
      return err(oauthError('invalid_token', 'the id_token was not issued to this client'));
    }
    return ok(client_id);
  };
  /** Why the key lookup refused the token, when it says more than `invalid`. */
  let refused: Result<never, OAuthError> | undefined;
  // jose decodes the header once and asks for its key: the server's own by kid, or for HS256 the
  // secret of the token's one client, whose audience is read before the signature is checked.
  const keyFor = (header: ProtectedHeaderParameters): Promise<CryptoKey> | Uint8Array => {
    if (isAccessTokenType(header.typ)) throw NOT_VERIFIABLE;
    if (header.alg !== 'HS256') return serverKeyFor(ctx.keyRing, header);
    const client = forClient(decodeJwt(token).aud);
    if (!client.ok) {
      refused = client;
      throw NOT_VERIFIABLE;
    }
    const key = options.serverKeysOnly ? undefined : ctx.clientKeys.get(client.value);
    if (!key) throw NOT_VERIFIABLE;
    return key;
  };
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keyFor, {
      algorithms: ID_TOKEN_ALGORITHMS,
      issuer: ctx.issuer,
      currentDate: new Date(nowMs),
      clockTolerance: ACCESS_TOKEN_RULES.clockToleranceS,
      requiredClaims: ['exp', 'sub'],
    }));
  } catch {
    return refused ?? invalid;
  }
  if (typeof payload.sub !== 'string') return invalid;
  const client = forClient(payload.aud);
  return client.ok ? ok({ ...payload, sub: payload.sub, aud: client.value }) : client;
}
