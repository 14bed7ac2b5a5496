import { answerNow } from '../http/answer-now.js';
import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import { thenNow, type MaybePromise } from '../util/maybe-promise.js';
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
 * @example return thenNow(answerNodeRequestNow(oauthRo, req, { ip }), (response) => send(res, response));
 */
export function answerNodeRequestNow(oauthRo: RequestHandler, req: NodeRequestLike, options?: NodeBridgeOptions): MaybePromise<OAuthResponse> {
  // Most requests (GET, HEAD) have no body to wait for.
  return thenNow(nodeRequest(req, options), (request) => answerRead(oauthRo, request));
}

function answerRead(oauthRo: RequestHandler, request: OAuthRequest): MaybePromise<OAuthResponse> {
  const response = answerNow(oauthRo, request);
  return request.bodyTooLarge ? thenNow(response, closing) : response;
}

function closing(response: OAuthResponse): OAuthResponse {
  return { ...response, headers: { ...response.headers, connection: 'close' } };
}
