export * from './contract-checker.js';
export * from './response-checker.js';
