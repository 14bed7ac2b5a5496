export * from './read-params.js';
export * from './validate-ro-request.js';
export * from './normalize-identifier.js';
export * from './check-text.js';
export * from './check-identifier.js';
export * from './identifier-skeleton.js';
