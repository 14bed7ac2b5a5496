export * from './oauth-ro-app.js';
export * from './require-auth.js';
export * from './read-limited-text.js';
