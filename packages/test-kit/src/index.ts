export * from './harness/index.js';
export * from './fixtures/index.js';
export * from './conformance/index.js';
