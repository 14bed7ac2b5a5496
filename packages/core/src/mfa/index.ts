export * from './totp.js';
export * from './enrollment.js';
export * from './mfa-settings.js';
export * from './prepare-mfa.js';
export * from './seal-secret.js';
export * from './recovery-code.js';
export * from './verify-totp.js';
export * from './guard-mfa-attempt.js';
