export * from './login-directory-user.js';
