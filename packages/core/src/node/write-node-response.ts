import type { OAuthResponse } from '../http/types.js';
import type { NodeResponseLike } from './node-types.js';

const encoder = new TextEncoder();

/**
 * Writes core's plain response on a Node response, with its `Content-Length`.
 *
 * @example writeNodeResponse(res, await answerNodeRequest(oauthRo, req));
 */
export function writeNodeResponse(res: NodeResponseLike, response: OAuthResponse): void {
  const body = encoder.encode(response.body);
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  res.setHeader('content-length', String(body.byteLength));
  res.end(body);
}
