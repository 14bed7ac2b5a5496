import { normalizeConfig } from '@oauth-ro/core';
import { describe, expect, it } from 'vitest';
import { convertAuth0Export } from './convert-auth0-export.js';

describe('convertAuth0Export: browser URLs of clients', () => {
  const exported = [
    {
      client_id: 'spa',
      name: 'SPA',
      app_type: 'spa',
      allowed_origins: ['https://app.example.com', 'file://*', 'https://*.example.com'],
      web_origins: ['https://web.example.com', 'https://app.*.example.com'],
      callbacks: ['https://app.example.com/callback', 'com.example.app://example.auth0.com/ios/callback', 'not a url'],
      allowed_logout_urls: ['https://app.example.com/bye'],
    },
    { name: 'db', strategy: 'auth0', enabled_clients: ['spa'], options: {} },
  ];

  it('carries allowed_origins, web_origins, callbacks and allowed_logout_urls over, dropping what oauth-ro refuses with a warning', () => {
    const { config, warnings } = convertAuth0Export(exported);
    expect(config.clients).toEqual([
      {
        client_id: 'spa',
        name: 'SPA',
        // A browser app keeps no secret: public, as Auth0 made it (docs/spec.md §5.1).
        token_endpoint_auth_method: 'none',
        allowed_origins: ['https://app.example.com', 'https://*.example.com'],
        web_origins: ['https://web.example.com'],
        callbacks: ['https://app.example.com/callback', 'com.example.app://example.auth0.com/ios/callback'],
        allowed_logout_urls: ['https://app.example.com/bye'],
      },
    ]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'clients[0].allowed_origins[1]: "file://*" must be an http or https origin; dropped',
        expect.stringMatching(/^clients\[0\]\.web_origins\[1\]: "https:\/\/app\.\*\.example\.com" .*; dropped$/),
        'clients[0].callbacks[2]: "not a url" is not an absolute URL; dropped',
      ]),
    );
  });

  it('gives a configuration core accepts', () => {
    const { config } = convertAuth0Export(exported);
    const normalized = normalizeConfig({ ...config, issuer: 'https://auth.example.com/' });
    expect(normalized.clients[0]?.allowed_origins).toEqual(['https://app.example.com', 'https://*.example.com']);
  });

  it('carries the native apps of a client (mobile.ios.app_bundle_identifier, mobile.android.app_package_name) for passwordless links', () => {
    const { config } = convertAuth0Export([
      {
        client_id: 'native',
        name: 'Native',
        app_type: 'native',
        mobile: { ios: { team_id: 'ABCDE12345', app_bundle_identifier: 'com.example.app' }, android: { app_package_name: 'com.example.app', sha256_cert_fingerprints: ['AA:BB'] } },
      },
      { name: 'email', strategy: 'email', enabled_clients: ['native'], options: {} },
    ]);
    expect(config.clients[0]).toMatchObject({ mobile: { ios: { app_bundle_identifier: 'com.example.app' }, android: { app_package_name: 'com.example.app' } } });
    expect(normalizeConfig({ ...config, issuer: 'https://auth.example.com/' }).clients[0]?.mobile).toEqual({ ios: { app_bundle_identifier: 'com.example.app' }, android: { app_package_name: 'com.example.app' } });
  });
});
