import type { OAuthRequest } from '../http/types.js';
import { isStorableText } from '../validation/check-text.js';

/**
 * The id of a `…/:id` route: the request path's last segment, percent-decoded; undefined when it is
 * empty, does not decode, is longer than `maxLength` or holds a control character (no stored id
 * does: PostgreSQL cannot even compare one holding NUL).
 *
 * @example pathId({ path: '/api/v2/device-credentials/dcr_1a2b', … }, 256); // 'dcr_1a2b'
 */
export function pathId(request: Pick<OAuthRequest, 'path'>, maxLength: number): string | undefined {
  const segment = request.path.replace(/\/+$/, '').split('/').pop() ?? '';
  try {
    const id = decodeURIComponent(segment);
    return id !== '' && id.length <= maxLength && isStorableText(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
