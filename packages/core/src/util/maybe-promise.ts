/** A value now, or a promise of it: what a step answers when it may not need to wait. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Whether a value is a promise (or any thenable) rather than the value itself: for results of code
 * that is not oauth-ro's own (ports a host supplies), which may hand back any thenable.
 *
 * @example if (isPromiseLike(result)) return result.then(finish); else return finish(result);
 */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
