import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/oauth-error.js';
import { normalizeClientMobile } from './normalize-client-mobile.js';

describe('normalizeClientMobile', () => {
  it('keeps the app identifiers and ignores the other keys Auth0 exports', () => {
    expect(
      normalizeClientMobile({ mobile: { ios: { team_id: 'ABCDE12345', app_bundle_identifier: 'com.example.app' }, android: { app_package_name: 'com.example.app', sha256_cert_fingerprints: [] } } }, 'clients[0]'),
    ).toEqual({ mobile: { ios: { app_bundle_identifier: 'com.example.app' }, android: { app_package_name: 'com.example.app' } } });
    expect(normalizeClientMobile({}, 'clients[0]')).toEqual({});
    expect(normalizeClientMobile({ mobile: { ios: { team_id: 'X' } } }, 'clients[0]')).toEqual({});
  });

  it.each([
    [{ mobile: 'x' }, 'clients[0].mobile'],
    [{ mobile: { ios: [] } }, 'clients[0].mobile.ios'],
    [{ mobile: { ios: { app_bundle_identifier: 'no-dots' } } }, 'clients[0].mobile.ios.app_bundle_identifier'],
    [{ mobile: { android: { app_package_name: 'com.example/../x' } } }, 'clients[0].mobile.android.app_package_name'],
  ])('refuses %j naming %s', (raw, path) => {
    expect(() => normalizeClientMobile(raw, 'clients[0]')).toThrow(ConfigurationError);
    expect(() => normalizeClientMobile(raw, 'clients[0]')).toThrow(path);
  });
});
