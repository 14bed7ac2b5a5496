export * from './describe-store-suite.js';
export * from './fixtures.js';
export type * from './types.js';
