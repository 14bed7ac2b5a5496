// @oauth-ro/core/openapi — the OpenAPI 3.1 document of every route core answers, and its types.
export * from '../openapi/index.js';
