export type * from './types.js';
export * from './normalize-config.js';
export * from './resolve-client.js';
export * from './normalize-token-lifecycle.js';
export * from './authenticate-client.js';
export * from './grant-types.js';
export * from './normalize-grant-types.js';
export * from './normalize-apis.js';
