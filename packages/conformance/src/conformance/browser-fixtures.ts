import { DB_CONNECTION, SMS_CONNECTION, testConfig } from '../fixtures/test-config.js';

/** A browser app (SPA) whose origins are configured, and a second one with its own. */
export const BROWSER_CLIENTS = { spa: 'spa-browser', otherSpa: 'spa-other' } as const;

/** Origins as the configuration lists them, and as browsers send them. */
export const ORIGINS = {
  /** `allowed_origins` of the SPA. */
  app: 'https://app.example.com',
  /** Matches the SPA's `web_origins` wildcard `https://*.web.example.com`. */
  webWildcard: 'https://shop.web.example.com',
  /** The origin of the SPA's `callbacks` entry. */
  callback: 'http://localhost:8080',
  /** `allowed_origins` of the other SPA only. */
  other: 'https://other.example.com',
} as const;

/** Origins no client lists, written the way an attacker's page would send them. */
export const UNLISTED_ORIGINS = [
  'https://evil.example',
  'null',
  'https://app.example.com.evil.example',
  'https://evilapp.example.com',
  'http://app.example.com',
  'https://app.example.com:8443',
  'https://a.shop.web.example.com',
  'https://web.example.com',
  'https://app.example.com/',
  '*',
  '',
] as const;

/** Where the SPA may be sent back after `/logout`. */
export const LOGOUT_URL = 'https://app.example.com/signed-out';

/** {@link testConfig} plus the two browser clients, with the database and SMS connections enabled for them. */
export function browserConfig() {
  const base = testConfig({
    clients: [
      {
        client_id: BROWSER_CLIENTS.spa,
        name: 'Browser app',
        allowed_origins: [ORIGINS.app],
        web_origins: ['https://*.web.example.com'],
        callbacks: [`${ORIGINS.callback}/callback`, 'com.example.app://example.test/ios/callback'],
        allowed_logout_urls: [LOGOUT_URL, 'com.example.app://logout'],
      },
      { client_id: BROWSER_CLIENTS.otherSpa, allowed_origins: [ORIGINS.other] },
    ],
  });
  return {
    ...base,
    connections: (base.connections as { name: string; enabled_clients: string[] }[]).map((c) =>
      c.name === DB_CONNECTION || c.name === SMS_CONNECTION || c.name === 'db-no-signup' || c.name === 'db-with-username'
        ? { ...c, enabled_clients: [...c.enabled_clients, BROWSER_CLIENTS.spa, BROWSER_CLIENTS.otherSpa] }
        : c,
    ),
  };
}
