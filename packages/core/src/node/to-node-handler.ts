import type { OAuthResponse } from '../http/types.js';
import { answerNodeRequest, type RequestHandler } from './answer-node-request.js';
import { hostErrorResponse } from './host-error-response.js';
import type { NodeBridgeOptions, NodeRequestLike, NodeResponseLike } from './node-types.js';
import { writeNodeResponse } from './write-node-response.js';

/**
 * A `(req, res)` listener for Node's own `http.createServer` (or any Connect-style stack) that
 * answers every request through oauth-ro, unknown paths with the contract's 404. The client
 * address is the socket's: behind a proxy, call {@link answerNodeRequest} with the forwarded one.
 *
 * @example http.createServer(toNodeHandler(oauthRo)).listen(3000, '127.0.0.1');
 */
export function toNodeHandler(
  oauthRo: RequestHandler,
  options?: Pick<NodeBridgeOptions, 'prefix'>,
): (req: NodeRequestLike, res: NodeResponseLike) => Promise<void> {
  return async (req, res) => {
    let response: OAuthResponse;
    try {
      response = await answerNodeRequest(oauthRo, req, options);
    } catch (error) {
      // The body could not be read (the client went away mid-body): answered if the socket still listens.
      response = hostErrorResponse(error);
    }
    writeNodeResponse(res, response);
  };
}
