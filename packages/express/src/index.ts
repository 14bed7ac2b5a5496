export * from './oauth-ro-router.js';
export * from './require-auth.js';
