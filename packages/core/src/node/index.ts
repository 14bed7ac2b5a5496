export type * from './node-types.js';
export * from './read-node-request.js';
export { answerNodeRequest, type RequestHandler } from './answer-node-request.js';
export * from './write-node-response.js';
export * from './host-error-response.js';
export * from './to-node-handler.js';
export * from './access-token-jwt-options.js';
