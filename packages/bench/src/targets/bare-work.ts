import { generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';

/** The JWT work of the bare baseline routes: what an endpoint cannot avoid, with keys imported once. */
export interface BareWork {
  /** Verifies an RS256 token of the issuer; undefined when it does not verify. */
  verify(token: string): Promise<JWTPayload | undefined>;
  /** Signs an RS256 id_token for `sub`, with the claims and lifetime oauth-ro gives one. */
  sign(sub: string): Promise<string>;
  /** SHA-256 of a refresh token (what a store lookup by hash needs), then {@link BareWork.sign}. */
  delegate(refreshToken: string, sub: string): Promise<string>;
  /** Verifies an RS256 id_token of the issuer for the client (audience); undefined when it does not verify. */
  verifyIdToken(token: string): Promise<JWTPayload | undefined>;
  /** The public JWKS, as oauth-ro publishes it. */
  readonly jwks: { readonly keys: readonly JWK[] };
}

/**
 * Verifies with oauth-ro's published RS256 key (from its JWKS, `jwks`); signs with an RS256
 * key of the same size generated here, which costs the same as oauth-ro's own (whose private half
 * the key store may keep encrypted).
 *
 * @example
 * const bare = await createBareWork(issuer, 'bench-rs256', oauthRo.jwks());
 * await bare.sign('auth0|123');
 */
export async function createBareWork(issuer: string, audience: string, jwks: { readonly keys: readonly JWK[] }): Promise<BareWork> {
  const publicJwk = jwks.keys.find((k) => k.alg === 'RS256');
  if (!publicJwk) throw new Error('no RS256 key in the JWKS');
  const publicKey = await importJWK(publicJwk, 'RS256');
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const kid = 'bench-bare';
  const sign = (sub: string) => {
    const iat = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: issuer, sub, aud: audience, iat, exp: iat + 36000 }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(privateKey);
  };
  return {
    jwks,
    async verifyIdToken(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, { issuer, audience, algorithms: ['RS256'] });
        return payload;
      } catch {
        return undefined;
      }
    },
    async delegate(refreshToken, sub) {
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(refreshToken));
      return sign(sub);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, publicKey, { issuer, algorithms: ['RS256'] });
        return payload;
      } catch {
        return undefined;
      }
    },
    sign,
  };
}
