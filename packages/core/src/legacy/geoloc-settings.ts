import { ConfigurationError } from '../errors/oauth-error.js';

/** How `GET /user/geoloc/country` (Lock's phone field) finds the caller's country. */
export interface GeolocOptions {
  /** ISO 3166-1 alpha-2 code answered when no trusted header says otherwise. Default `US` (Lock's own fallback). */
  readonly defaultCountry?: string;
  /**
   * A request header a trusted proxy sets to the client's country code (`cf-ipcountry` on
   * Cloudflare, `cloudfront-viewer-country` on CloudFront). Only name one your proxy overwrites:
   * a client could otherwise choose its answer (harmless, but meaningless).
   */
  readonly countryHeader?: string;
}

/** Validated {@link GeolocOptions}. */
export interface GeolocSettings {
  readonly defaultCountry: string;
  readonly countryHeader?: string;
}

const COUNTRY = /^[A-Z]{2}$/;

/**
 * Validates geolocation options (throws {@link ConfigurationError}).
 *
 * @example prepareGeoloc({ countryHeader: 'CF-IPCountry' }); // { defaultCountry: 'US', countryHeader: 'cf-ipcountry' }
 */
export function prepareGeoloc(options: GeolocOptions = {}): GeolocSettings {
  const defaultCountry = (options.defaultCountry ?? 'US').toUpperCase();
  if (!COUNTRY.test(defaultCountry)) throw new ConfigurationError('geoloc.defaultCountry', 'must be a two-letter country code');
  const header = options.countryHeader?.trim().toLowerCase();
  if (header !== undefined && !/^[a-z0-9-]{1,64}$/.test(header)) throw new ConfigurationError('geoloc.countryHeader', 'must be a header name');
  return { defaultCountry, ...(header ? { countryHeader: header } : {}) };
}

/**
 * The caller's country: the trusted header's code when it holds one (`XX` and Cloudflare's `T1`
 * for Tor mean unknown), else the default.
 *
 * @example countryOf(settings, { 'cf-ipcountry': 'de' }); // 'DE'
 */
export function countryOf(settings: GeolocSettings, headers: Readonly<Record<string, string | undefined>>): string {
  const value = settings.countryHeader ? headers[settings.countryHeader]?.trim().toUpperCase() : undefined;
  return value !== undefined && COUNTRY.test(value) && value !== 'XX' && value !== 'T1' ? value : settings.defaultCountry;
}
