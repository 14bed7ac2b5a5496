export * from './argon2-hasher.js';
export * from './bounded-queue.js';
export * from './bcrypt-hash.js';
