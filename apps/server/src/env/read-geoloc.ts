import { ConfigurationError } from '@oauth-ro/core';
import type { GeolocOptions } from '@oauth-ro/core';
import { prepareGeoloc } from '@oauth-ro/core/internal';
import { StartupError } from '../config/startup-error.js';

/**
 * `OAUTH_RO_GEOLOC_COUNTRY` (default country code of `/user/geoloc/country`, `US` unless set) and
 * `OAUTH_RO_GEOLOC_HEADER` (a header your proxy sets to the client's country, e.g. `cf-ipcountry`).
 *
 * @example readGeoloc({ OAUTH_RO_GEOLOC_HEADER: 'cf-ipcountry' }); // { countryHeader: 'cf-ipcountry' }
 */
export function readGeoloc(env: Readonly<Record<string, string | undefined>>): GeolocOptions | undefined {
  const country = env.OAUTH_RO_GEOLOC_COUNTRY?.trim() || undefined;
  const header = env.OAUTH_RO_GEOLOC_HEADER?.trim() || undefined;
  if (country === undefined && header === undefined) return undefined;
  const options: GeolocOptions = { ...(country ? { defaultCountry: country } : {}), ...(header ? { countryHeader: header } : {}) };
  try {
    prepareGeoloc(options);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    const name = error.path === 'geoloc.defaultCountry' ? 'OAUTH_RO_GEOLOC_COUNTRY' : 'OAUTH_RO_GEOLOC_HEADER';
    throw new StartupError(`${name}: ${error.problem}`);
  }
  return options;
}
