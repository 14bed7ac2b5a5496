import type { OAuthRequest, OAuthResponse } from '../http/types.js';
import type { NodeBridgeOptions, NodeRequestLike } from './node-types.js';
import { fromNodeRequest } from './read-node-request.js';

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
  const request = await fromNodeRequest(req, options);
  const response = await oauthRo.handle(request);
  return request.bodyTooLarge ? { ...response, headers: { ...response.headers, connection: 'close' } } : response;
}
