export * from './result.js';
export * from './constant-time.js';
export * from './encoding.js';
export * from './fetch-limited-text.js';
export * from './read-stream-limited.js';
export * from './read-chunks-limited.js';
export * from './maybe-promise.js';
