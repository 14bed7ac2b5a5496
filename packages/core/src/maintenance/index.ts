export * from './prune-expired.js';
