export * from './types.js';
export * from './respond.js';
export * from './parse-body.js';
