export * from './emit-audit.js';
export * from './audit-origin.js';
export * from './failure-details.js';
export * from './login-event.js';
export * from './signup-event.js';
export * from './code-sent-event.js';
export * from './token-events.js';
