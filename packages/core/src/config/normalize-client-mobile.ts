import { ConfigurationError } from '../errors/oauth-error.js';
import type { ClientConfig } from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An app identifier: reverse-DNS labels (`com.example.app`), as the app stores require. */
const APP_ID = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;

function appId(value: unknown, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !APP_ID.test(value) || value.length > 255) throw new ConfigurationError(path, 'must be an app identifier such as com.example.app');
  return value;
}

/**
 * Reads the parts of Auth0's client `mobile` settings that oauth-ro uses: `ios.app_bundle_identifier`
 * and `android.app_package_name`, which name the app a passwordless `link_ios` / `link_android`
 * opens. Other keys there (`team_id`, `sha256_cert_fingerprints`) are accepted and not used.
 *
 * @example normalizeClientMobile({ mobile: { ios: { app_bundle_identifier: 'com.example.app' } } }, 'clients[0]');
 * // { mobile: { ios: { app_bundle_identifier: 'com.example.app' } } }
 */
export function normalizeClientMobile(raw: Readonly<Record<string, unknown>>, path: string): Pick<ClientConfig, 'mobile'> {
  const mobile = raw.mobile;
  if (mobile === undefined || mobile === null) return {};
  if (!isRecord(mobile)) throw new ConfigurationError(`${path}.mobile`, 'must be an object');
  const ios = mobile.ios ?? {};
  const android = mobile.android ?? {};
  if (!isRecord(ios)) throw new ConfigurationError(`${path}.mobile.ios`, 'must be an object');
  if (!isRecord(android)) throw new ConfigurationError(`${path}.mobile.android`, 'must be an object');
  const bundle = appId(ios.app_bundle_identifier, `${path}.mobile.ios.app_bundle_identifier`);
  const pkg = appId(android.app_package_name, `${path}.mobile.android.app_package_name`);
  if (bundle === undefined && pkg === undefined) return {};
  return {
    mobile: {
      ...(bundle === undefined ? {} : { ios: { app_bundle_identifier: bundle } }),
      ...(pkg === undefined ? {} : { android: { app_package_name: pkg } }),
    },
  };
}
