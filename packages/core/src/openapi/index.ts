export * from './openapi-document.js';
export type { HttpMethod, JsonSchema, MediaTypeObject, OpenApiDocument, OperationObject, PathItemObject, ResponseObject } from './types.js';
