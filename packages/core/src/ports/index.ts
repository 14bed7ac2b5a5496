export type * from './user-store.js';
export type * from './key-store.js';
export type * from './password-hasher.js';
export type * from './directory.js';
export * from './clock.js';
export * from './random.js';
export * from './logger.js';
export type * from './deps.js';
