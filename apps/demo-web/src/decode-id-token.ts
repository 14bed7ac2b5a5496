/**
 * The claims of an id_token, read without verifying it: the page only shows them. (A server that
 * trusts a token must verify its signature, e.g. against `/.well-known/jwks.json`.) Undefined when
 * the text is not a JWT with a JSON object payload.
 *
 * @example
 * decodeIdToken(result.idToken)?.sub; // 'auth0|5f8a…'
 */
export function decodeIdToken(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
