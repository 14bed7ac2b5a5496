import type { OAuthRequest } from '../http/types.js';

/**
 * The id of a `…/:id` route: the request path's last segment, percent-decoded; undefined when it is
 * empty, does not decode or is longer than `maxLength`.
 *
 * @example pathId({ path: '/api/v2/device-credentials/dcr_1a2b', … }, 256); // 'dcr_1a2b'
 */
export function pathId(request: Pick<OAuthRequest, 'path'>, maxLength: number): string | undefined {
  const segment = request.path.replace(/\/+$/, '').split('/').pop() ?? '';
  try {
    const id = decodeURIComponent(segment);
    return id !== '' && id.length <= maxLength ? id : undefined;
  } catch {
    return undefined;
  }
}
