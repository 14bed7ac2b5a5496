import type { OAuthRequest, OAuthResponse } from '../http/types.js';
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
  const read = nodeRequest(req, options);
  // Most requests (GET, HEAD) have no body to wait for: no extra turn of the microtask queue.
  const request = read instanceof Promise ? await read : read;
  const response = await oauthRo.handle(request);
  return request.bodyTooLarge ? { ...response, headers: { ...response.headers, connection: 'close' } } : response;
}
