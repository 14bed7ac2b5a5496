export * from './types.js';
export * from './respond.js';
export * from './parse-body.js';
export * from './check-request-headers.js';
export * from './origin-pattern.js';
export * from './cors-policy.js';
export * from './cors.js';
export * from './request-client-id.js';
