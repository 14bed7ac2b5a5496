export * from './pbkdf2-hasher.js';
export * from './parse-pbkdf2-hash.js';
export * from './phc-base64.js';
