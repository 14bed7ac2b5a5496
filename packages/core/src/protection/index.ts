export * from './brute-force-key.js';
export * from './brute-force-settings.js';
export * from './guard-password-attempt.js';
export * from './ip-limits.js';
export * from './ip-group.js';
export * from './brute-force-subject.js';
