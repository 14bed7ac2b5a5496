/**
 * The parts of Node's `http.IncomingMessage` the bridge reads, by shape: core never imports `node:`
 * modules (nor their types), so it builds and runs anywhere, and any Node framework's request fits.
 */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  readonly method?: string | undefined;
  /** The URL as received, e.g. `/oauth/ro?x=1` (Express: relative to the router's mount point). */
  readonly url?: string | undefined;
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly socket?: { readonly remoteAddress?: string | undefined } | null | undefined;
  /** True once something, a host app's body parser, has read the body to its end. */
  readonly readableEnded?: boolean | undefined;
  /** What that host parser made of the body (Express's `req.body`). */
  readonly body?: unknown;
  /**
   * Node's stream events (`data`, `end`, `error`, `close`), when the request is a Node stream: the
   * bridge then reads the body by its events, which costs less than async iteration.
   */
  on?(event: string, listener: (...args: never[]) => void): unknown;
  /** Takes the bridge's listeners off once the body is read. */
  removeListener?(event: string, listener: (...args: never[]) => void): unknown;
  /** Stops the flow once a body is too large: the rest stays unread, and the 413 can still be written. */
  pause?(): unknown;
  /** Null until someone reads the stream (Node's `readable.readableFlowing`). */
  readonly readableFlowing?: boolean | null | undefined;
}

/** The parts of Node's `http.ServerResponse` the bridge writes, by shape. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: Uint8Array | string): unknown;
}

/** What the request itself does not say: the client address and where oauth-ro is mounted. */
export interface NodeBridgeOptions {
  /** The client address (default: the socket's); pass the framework's proxy-aware one. */
  readonly ip?: string | undefined;
  /** A prefix the URL still carries (e.g. `/auth`), stripped before routing. */
  readonly prefix?: string | undefined;
  /** The path relative to the mount (e.g. `/oauth/ro`) when the caller knows it: `prefix` is then unused. */
  readonly path?: string | undefined;
}
