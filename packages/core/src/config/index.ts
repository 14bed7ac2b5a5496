export type * from './types.js';
export * from './normalize-config.js';
export * from './resolve-client.js';
export * from './normalize-token-lifecycle.js';
export * from './authenticate-client.js';
export * from './normalize-allowed-clients.js';
export * from './may-delegate.js';
export * from './normalize-client-urls.js';
export * from './normalize-accounts.js';
