export * from './error-table.js';
export * from './oauth-error.js';
export * from './unavailable-error.js';
export * from './auth0-error-table.js';
export * from './grant-not-allowed.js';
