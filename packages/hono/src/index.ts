export * from './oauth-ro-app.js';
export * from './require-auth.js';
