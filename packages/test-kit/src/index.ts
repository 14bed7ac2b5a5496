export * from './harness/index.js';
export * from './fixtures/index.js';
export * from './conformance/index.js';
export * from './launchers/tls-front.js';
export * from './launchers/make-test-certificate.js';
export * from './launchers/slapd.js';
export * from './launchers/samba-ad.js';
