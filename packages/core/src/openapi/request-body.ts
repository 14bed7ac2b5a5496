import { schemaRef } from './error-responses.js';
import type { RequestBodyObject } from './types.js';

/**
 * A request body accepted as JSON and as `application/x-www-form-urlencoded` (docs/spec.md §3), both
 * described by one schema in `components.schemas`. Object-valued fields can only be sent as JSON.
 *
 * @example jsonOrFormBody('RoRequest', { client_id: 'demo', … });
 */
export function jsonOrFormBody(schemaName: string, example: Record<string, unknown>): RequestBodyObject {
  const form = Object.fromEntries(Object.entries(example).filter(([, value]) => typeof value === 'string'));
  return {
    required: true,
    description: 'JSON or form-encoded, at most 16 KiB. Unknown parameters are ignored; an empty string counts as absent.',
    content: {
      'application/json': { schema: schemaRef(schemaName), examples: { default: { value: example } } },
      'application/x-www-form-urlencoded': { schema: schemaRef(schemaName), examples: { default: { value: form } } },
    },
  };
}
