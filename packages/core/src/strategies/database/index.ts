export * from './login-database-user.js';
export * from './signup-database-user.js';
export * from './password-policy.js';
export * from './login-custom-database-user.js';
export * from './run-pre-signup.js';
