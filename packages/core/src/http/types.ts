/**
 * A framework request turned into a plain object by an adapter. Adapters pass the raw body text
 * (`rawBody`), or the value their host app already parsed (`parsedBody`), never both.
 */
export interface OAuthRequest {
  readonly method: string;
  /** Path relative to where oauth-ro is mounted, e.g. `/oauth/ro`. */
  readonly path: string;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly rawBody?: string;
  readonly parsedBody?: unknown;
  /** Set by the adapter when the body was longer than the limit; core answers 413. */
  readonly bodyTooLarge?: boolean;
  /** Client address as the adapter determined it. */
  readonly ip: string;
  /** The raw query string, without `?` (e.g. `type=refresh_token`), where the route reads one. */
  readonly query?: string;
}

/** A plain response for the adapter to write. `body` is already serialised. */
export interface OAuthResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Largest request body accepted, in bytes (docs/spec.md §3.0: 413 beyond it). */
export const MAX_BODY_BYTES = 16 * 1024;
