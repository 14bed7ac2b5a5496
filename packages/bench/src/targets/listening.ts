/** A server a target started on 127.0.0.1. */
export interface Listening {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The token of an `Authorization: Bearer` header, for the bare routes.
 *
 * @example bearerOf('Bearer abc'); // 'abc'
 */
export function bearerOf(header: string | undefined): string {
  return header?.startsWith('Bearer ') ? header.slice(7) : '';
}
