export * from './open-redis-stores.js';
export type * from './options.js';
