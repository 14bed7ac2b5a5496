import type { BodyParams } from '../http/parse-body.js';

const BRACKETED = /^authParams\[([^[\]]+)\]$/;

/**
 * `authParams` as auth0.js v7 sends them to `/passwordless/start`: a form body (reqwest) with one
 * bracketed key per parameter, `authParams[state]=…&authParams[redirect_uri]=…`, which Auth0's body
 * parser (`qs`) read as an object (docs/spec.md §5.11). Undefined when there is none. Only one level
 * is read (the parameters are strings); a repeated key stays an array, refused as the wrong type.
 *
 * @example bracketedAuthParams({ 'authParams[state]': 'xyz', email: 'a@example.com' }); // { state: 'xyz' }
 */
export function bracketedAuthParams(body: BodyParams): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(body)) {
    const name = BRACKETED.exec(key)?.[1];
    if (name === undefined) continue;
    found ??= Object.create(null) as Record<string, unknown>;
    found[name] = value;
  }
  return found;
}
