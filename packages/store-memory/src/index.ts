export * from './memory-user-store.js';
export * from './memory-key-store.js';
export * from './create-memory-stores.js';
