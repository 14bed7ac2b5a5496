export * from './open-sqlite-stores.js';
export * from './db/resolve-location.js';
