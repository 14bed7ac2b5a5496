export * from './qr-modules.js';
export * from './qr-svg.js';
