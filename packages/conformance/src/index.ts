export * from './harness/index.js';
export * from './fixtures/index.js';
export * from './conformance/index.js';
export * from './fakes/listen-local.js';
export * from './fakes/social-providers.js';
export * from './store-suite/index.js';
export * from './openapi/index.js';
export * from './qr/index.js';
