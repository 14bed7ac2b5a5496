/**
 * An expected outcome as a value: success carries `value`, failure carries `error`.
 *
 * @example
 * const r: Result<number, string> = ok(1);
 * if (r.ok) console.log(r.value);
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

/** @example return ok(user); */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** @example return err(oauthError('invalid_user_password')); */
export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
