export * from './login-database-user.js';
export * from './signup-database-user.js';
export * from './password-policy.js';
export * from './password-rules.js';
export * from './read-password-options.js';
export * from './check-new-password.js';
export * from './is-common-password.js';
export * from './describe-password-strength.js';
