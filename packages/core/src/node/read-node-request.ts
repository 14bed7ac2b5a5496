import type { OAuthRequest } from '../http/types.js';
import type { NodeBridgeOptions, NodeRequestLike } from './node-types.js';
import { nodeRequest } from './node-request.js';

/**
 * A Node request as core's plain request, without building a Fetch `Request`: headers flattened
 * (repeated ones joined with `, `), the query split off, and the body read as text up to
 * {@link MAX_BODY_BYTES} and no further (never for GET and HEAD) — or, when the host app's own parser already read it
 * (Express's `express.json()`), that parsed value as `parsedBody`.
 *
 * @example const plain = await fromNodeRequest(req, { ip: req.ip });
 */
export async function fromNodeRequest(req: NodeRequestLike, options: NodeBridgeOptions = {}): Promise<OAuthRequest> {
  return nodeRequest(req, options);
}
