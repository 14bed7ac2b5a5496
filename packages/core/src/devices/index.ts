export * from './read-device-public-key.js';
export * from './verify-device-assertion.js';
