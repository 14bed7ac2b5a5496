export * from './types.js';
export * from './respond.js';
export * from './parse-body.js';
export * from './check-request-headers.js';
export * from './auth0-error-response.js';
