export * from './key-ring.js';
export * from './profile-claims.js';
export * from './client-secret-key.js';
export * from './mint-tokens.js';
export * from './verify-token.js';
