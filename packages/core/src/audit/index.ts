export * from './emit-audit.js';
