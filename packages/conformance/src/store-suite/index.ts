export * from './describe-store-suite.js';
export * from './fixtures.js';
export type * from './types.js';
export * from './cross-instance.suite.js';
export { makeRefreshTokenRecord } from './token-lifecycle-stores.suite.js';
