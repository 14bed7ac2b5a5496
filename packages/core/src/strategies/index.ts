export * from './database/index.js';
export * from './directory/index.js';
export * from './supports-grant.js';
