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

/**
 * `next` applied to a value now, or to a promise's value once it settles: a step that can answer at
 * once stays at once, one that waits gives a promise.
 *
 * @example return thenNow(respond(), (response) => withVary(response));
 */
export function thenNow<T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
