/**
 * Thrown by a port implementation when it cannot serve now but may soon (a saturated hashing queue,
 * an unreachable database). Core answers 503 `temporarily_unavailable` with `Retry-After`; any
 * other throw is a 500 that never shows its stack.
 *
 * @example throw new UnavailableError('password hashing queue is full', 1);
 */
export class UnavailableError extends Error {
  constructor(
    message: string,
    /** Seconds the client should wait before retrying. */
    readonly retryAfter = 1,
  ) {
    super(message);
    this.name = 'UnavailableError';
  }
}

/**
 * True for an {@link UnavailableError}, also one from another copy of core (dual ESM/CJS loading).
 *
 * @example if (isUnavailableError(error)) return 503;
 */
export function isUnavailableError(error: unknown): error is UnavailableError {
  return error instanceof UnavailableError || (error instanceof Error && error.name === 'UnavailableError');
}
