export * from './oauth-ro-plugin.js';
export * from './to-oauth-request.js';
