export * from './argon2-hasher.js';
