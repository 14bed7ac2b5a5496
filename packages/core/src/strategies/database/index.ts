export * from './login-database-user.js';
export * from './signup-database-user.js';
export * from './password-policy.js';
