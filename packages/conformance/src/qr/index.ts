export * from './decode-qr.js';
