import type { Auth0Error, Callback } from 'auth0-js';

/** What an auth0.js call gave: its result, or the server's error code and description. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: { code: string; description: string; status?: number } };

function failure(error: Auth0Error): Outcome<never> {
  return {
    ok: false,
    error: {
      code: error.code ?? 'error',
      description: error.description ?? (error.statusCode === undefined ? 'No answer from the server (is it running, and is this its address?).' : 'The request failed.'),
      ...(error.statusCode === undefined ? {} : { status: error.statusCode }),
    },
  };
}

/**
 * Runs one callback-style auth0.js call as a promise of an {@link Outcome}. auth0.js throws
 * synchronously when an option is missing; that becomes a failed outcome too.
 *
 * @example
 * const signedIn = await callAuth0<TokenResult>((cb) => auth.loginWithResourceOwner(options, cb));
 * if (!signedIn.ok) show(signedIn.error.description);
 */
export function callAuth0<T>(start: (cb: Callback<T>) => void): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    try {
      start((error, result) => resolve(error ? failure(error) : { ok: true, value: result as T }));
    } catch (error) {
      resolve({ ok: false, error: { code: 'invalid_request', description: error instanceof Error ? error.message : String(error) } });
    }
  });
}
