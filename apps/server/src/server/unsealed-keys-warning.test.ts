import { describe, expect, it } from 'vitest';
import { unsealedKeysWarning } from './unsealed-keys-warning.js';

describe('unsealedKeysWarning', () => {
  it('speaks up when a configuration file is used without a key-encryption key', () => {
    expect(unsealedKeysWarning({ configFile: 'oauth-ro.yaml' })).toMatch(/^WARNING: OAUTH_RO_KEY_ENCRYPTION_KEY is not set.*UNSEALED/);
  });

  it('stays quiet with a key-encryption key, and in zero-config (development) mode', () => {
    expect(unsealedKeysWarning({ configFile: 'oauth-ro.yaml', keyEncryptionKey: new Uint8Array(32) })).toBeUndefined();
    expect(unsealedKeysWarning({})).toBeUndefined();
  });
});
