import { answerNow } from '../http/answer-now.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import type { MaybePromise } from '../util/maybe-promise.js';
import type { NodeBridgeOptions, NodeRequestLike } from './node-types.js';
import { nodeRequest } from './node-request.js';

/** What the bridge needs of an oauth-ro instance. */
export interface RequestHandler {
  handle(request: OAuthRequest): Promise<OAuthResponse>;
}

/**
 * Reads a Node request, lets core answer it, and returns the plain response for the framework to
 * write its own way. A body refused as too large closes the connection, so that Node does not read
 * the rest of it.
 *
 * @example const response = await answerNodeRequest(oauthRo, req, { ip: req.ip });
 */
export async function answerNodeRequest(oauthRo: RequestHandler, req: NodeRequestLike, options?: NodeBridgeOptions): Promise<OAuthResponse> {
  return answerNodeRequestNow(oauthRo, req, options);
}

/**
 * {@link answerNodeRequest} for oauth-ro's own adapters (through `@oauth-ro/core/internal`): the
 * response itself, not a promise, when neither the body nor the route needs waiting for (a GET of
 * JWKS, discovery, the probes), so that the framework writes it in the same turn, as it would its
 * own synchronous route's. May throw where `answerNodeRequest` would reject.
 *
 * @example const answered = answerNodeRequestNow(oauthRo, req, { ip }); return answered instanceof Promise ? answered.then(send) : send(answered);
 */
export function answerNodeRequestNow(oauthRo: RequestHandler, req: NodeRequestLike, options?: NodeBridgeOptions): MaybePromise<OAuthResponse> {
  // Most requests (GET, HEAD) have no body to wait for.
  const read = nodeRequest(req, options);
  return read instanceof Promise ? read.then((request) => answerRead(oauthRo, request)) : answerRead(oauthRo, read);
}

function answerRead(oauthRo: RequestHandler, request: OAuthRequest): MaybePromise<OAuthResponse> {
  const response = answerNow(oauthRo, request);
  if (!request.bodyTooLarge) return response;
  return response instanceof Promise ? response.then(closing) : closing(response);
}

function closing(response: OAuthResponse): OAuthResponse {
  return { ...response, headers: { ...response.headers, connection: 'close' } };
}
