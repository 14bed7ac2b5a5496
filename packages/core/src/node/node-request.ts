import { MAX_BODY_BYTES, plainRequest, type OAuthRequest, type RequestHead } from '../http/types.js';
import { concatBytes, readChunksLimited } from '../util/read-chunks-limited.js';
import type { NodeBridgeOptions, NodeRequestLike } from './node-types.js';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Node's header values are strings, but for `set-cookie` (an array) and what a host may have set:
 * the object is used as it is unless some value needs joining, and only then copied.
 */
function flatHeaders(raw: NodeRequestLike['headers']): Readonly<Record<string, string | undefined>> {
  const names = Object.keys(raw);
  if (names.every((name) => typeof raw[name] === 'string' || raw[name] === undefined)) return raw as Readonly<Record<string, string | undefined>>;
  const headers: Record<string, string | undefined> = {};
  for (const name of names) {
    const value = raw[name];
    headers[name] = typeof value === 'string' || value === undefined ? value : value.join(', ');
  }
  return headers;
}

/**
 * {@link fromNodeRequest}, without a promise when there is no body to read (GET and HEAD, or a body a
 * host parser already read): the Node adapters' per-request path.
 *
 * @example const request = nodeRequest(req, options); const plain = request instanceof Promise ? await request : request;
 */
export function nodeRequest(req: NodeRequestLike, options: NodeBridgeOptions = {}): OAuthRequest | Promise<OAuthRequest> {
  const headers = flatHeaders(req.headers);
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const full = q === -1 ? url : url.slice(0, q);
  const prefix = options.prefix ?? '';
  const method = req.method ?? 'GET';
  const path = options.path ?? (prefix && full.startsWith(prefix) ? full.slice(prefix.length) || '/' : full);
  const ip = options.ip ?? req.socket?.remoteAddress ?? '';
  const head: RequestHead = { method, path, headers, ip, query: q === -1 ? undefined : url.slice(q + 1) };
  if (req.readableEnded && req.body !== undefined) return plainRequest(head, { parsedBody: req.body });
  // As `oauthRo.fetch` does: no route reads a GET or HEAD body, and the fast paths skip the stream.
  if (method === 'GET' || method === 'HEAD') return plainRequest(head, { rawBody: '' });
  if (Number(headers['content-length']) > MAX_BODY_BYTES) return plainRequest(head, { bodyTooLarge: true });
  return withBody(req, head);
}

async function withBody(req: NodeRequestLike, head: RequestHead): Promise<OAuthRequest> {
  // A stream someone paused would not flow for a `data` listener: iterated instead.
  const evented = req.on && req.removeListener && req.pause && req.readableFlowing !== false;
  const bytes = evented ? await readByEvents(req as EventedRequest) : await readByIteration(req);
  return plainRequest(head, bytes ? { rawBody: decoder.decode(bytes) } : { bodyTooLarge: true });
}

async function readByIteration(req: NodeRequestLike): Promise<Uint8Array | undefined> {
  // Iterated by hand: leaving early through `return()` would destroy the socket before the 413 is written.
  const chunks = req[Symbol.asyncIterator]();
  return readChunksLimited(() => chunks.next(), MAX_BODY_BYTES);
}

type EventedRequest = NodeRequestLike & Required<Pick<NodeRequestLike, 'on' | 'removeListener' | 'pause'>>;

/** The request ended before its body did (the client went away): answered as a bad body, if anyone still listens. */
class BodyAbortedError extends Error {
  readonly status = 400;
  constructor() {
    super('the request was closed before its body ended');
  }
}

/**
 * The body by Node's stream events, up to {@link MAX_BODY_BYTES}: past it the stream is paused and
 * left unread (undefined). One listener set per request instead of a promise per chunk.
 */
function readByEvents(req: EventedRequest): Promise<Uint8Array | undefined> {
  if (req.readableEnded) return Promise.resolve(new Uint8Array(0));
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const cleanup = () => {
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.removeListener('error', onError);
      req.removeListener('close', onClose);
    };
    const onData = (chunk: Uint8Array | string) => {
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      size += bytes.byteLength;
      if (size > MAX_BODY_BYTES) {
        cleanup();
        req.pause();
        resolve(undefined);
      } else chunks.push(bytes);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : concatBytes(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new BodyAbortedError());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
