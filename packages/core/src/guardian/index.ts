export * from './qr-modules.js';
export * from './qr-svg.js';
export * from './mfa-administration.js';
