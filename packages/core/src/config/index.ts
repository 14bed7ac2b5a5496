export type * from './types.js';
export * from './normalize-config.js';
export * from './resolve-client.js';
export * from './normalize-token-lifecycle.js';
export * from './authenticate-client.js';
export * from './check-config-keys.js';
export * from './known-config-keys.js';
