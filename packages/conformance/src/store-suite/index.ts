export * from './describe-store-suite.js';
export * from './fixtures.js';
export type * from './types.js';
export * from './cross-instance.suite.js';
