export * from './memory-user-store.js';
export * from './memory-key-store.js';
export * from './memory-refresh-token-store.js';
export * from './memory-device-credential-store.js';
export * from './memory-used-assertion-store.js';
export * from './memory-code-store.js';
export * from './memory-counter-store.js';
export * from './create-memory-stores.js';
