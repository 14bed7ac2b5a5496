// test-kit: the adapter harnesses, fakes of cloud services and launchers of real servers. The suites,
// fixtures and the OpenAPI check live in @oauth-ro/conformance (needs core only); re-exported here so
// a test that drives an adapter imports one package.
export * from '@oauth-ro/conformance';
export * from './harness/index.js';
export * from './launchers/tls-front.js';
export * from './launchers/make-test-certificate.js';
export * from './launchers/find-chromium.js';
export * from './launchers/slapd.js';
export * from './launchers/samba-ad.js';
export * from './fakes/entra-id.js';
export * from './fakes/adfs.js';
export * from './fakes/twilio.js';
export * from './fakes/auth0-tenant.js';
export * from './launchers/tcp-proxy.js';
