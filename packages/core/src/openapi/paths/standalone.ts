import { errorResponses } from '../error-responses.js';
import type { PathItemObject } from '../types.js';

/** Routes only the standalone server (`apps/server`) adds: this document and its reference page. */
export const STANDALONE_PATHS: Readonly<Record<string, PathItemObject>> = {
  '/openapi.json': {
    get: {
      operationId: 'openApiDocument',
      summary: 'This API description (OpenAPI 3.1)',
      tags: ['Discovery and operations'],
      description: 'This document, as JSON. Standalone server only; embedders import `openApiDocument` from `@oauth-ro/core`.',
      responses: {
        '200': { description: 'OpenAPI 3.1 document.', content: { 'application/json': { schema: { type: 'object', required: ['openapi', 'paths'] } } } },
        ...errorResponses(['server_error']),
      },
    },
  },
  '/docs': {
    get: {
      operationId: 'apiReference',
      summary: 'The API reference page',
      tags: ['Discovery and operations'],
      description: 'This document rendered as one self-contained HTML page (no script, no external resource). Standalone server only.',
      responses: {
        '200': { description: 'HTML.', content: { 'text/html': { schema: { type: 'string' } } } },
        ...errorResponses(['server_error']),
      },
    },
  },
};
