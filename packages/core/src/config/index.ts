export type * from './types.js';
export * from './normalize-config.js';
export * from './resolve-client.js';
