import { normalizeConfig } from '@oauth-ro/core';
import { describe, expect, it } from 'vitest';
import { refuseMfaWithoutKek } from './refuse-mfa-without-kek.js';

const config = (mfa: unknown) =>
  normalizeConfig({
    issuer: 'https://auth.example/',
    clients: [{ client_id: 'app' }],
    connections: [
      { name: 'plain', strategy: 'auth0', enabled_clients: ['app'], options: {} },
      { name: 'guarded', strategy: 'auth0', enabled_clients: ['app'], options: { mfa } },
    ],
  });

describe('refuseMfaWithoutKek', () => {
  it('refuses a configuration file with an active options.mfa and no key-encryption key, naming the path', () => {
    expect(() => refuseMfaWithoutKek(config({ active: true }), { configFile: 'oauth-ro.yaml' })).toThrow(
      /^oauth-ro\.yaml: connections\[1\]\.options\.mfa is active but OAUTH_RO_KEY_ENCRYPTION_KEY is not set/,
    );
  });

  it('lets it start with the key, in zero-config mode, or with MFA off', () => {
    expect(() => refuseMfaWithoutKek(config({ active: true }), { configFile: 'oauth-ro.yaml', keyEncryptionKey: new Uint8Array(32) })).not.toThrow();
    expect(() => refuseMfaWithoutKek(config({ active: true }), { configFile: undefined })).not.toThrow();
    expect(() => refuseMfaWithoutKek(config({ active: false }), { configFile: 'oauth-ro.yaml' })).not.toThrow();
  });
});
