import { oauthError, type OAuthError } from '../errors/oauth-error.js';
import type { BodyParams } from '../http/parse-body.js';
import { err, ok, type Result } from '../util/result.js';

/** Longest value accepted for any string parameter, unless a parameter says otherwise. */
export const MAX_PARAM_LENGTH = 2048;

/**
 * Reads the named string parameters from an untrusted body. A present parameter of another type
 * (number, array, object, null) is refused with a description that names it; unknown parameters
 * are ignored, as Auth0 did. Empty strings count as absent.
 *
 * @example
 * readStringParams({ username: 'a', scope: 1 }, ['username', 'scope']);
 * // { ok: false, error: { code: 'invalid_parameter', description: 'scope must be a string' } }
 */
export function readStringParams<K extends string>(
  body: BodyParams,
  names: readonly K[],
  maxLength: Partial<Record<K, number>> = {},
): Result<Partial<Record<K, string>>, OAuthError> {
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value = Object.hasOwn(body, name) ? body[name] : undefined;
    if (value === undefined) continue;
    if (typeof value !== 'string') return err(oauthError('invalid_parameter', `${name} must be a string`));
    if (value.length > (maxLength[name] ?? MAX_PARAM_LENGTH)) {
      return err(oauthError('invalid_parameter', `${name} is too long`));
    }
    if (value !== '') out[name] = value;
  }
  return ok(out);
}

/** @example missing('username'); // invalid_request "missing username parameter" */
export function missing(name: string): { ok: false; error: OAuthError } {
  return err(oauthError('missing_parameter', `missing ${name} parameter`));
}
