export * from './open-sqlite-stores.js';
export * from './db/resolve-location.js';
export * from './migrations/sqlite-migration-status.js';
