import { ConfigurationError } from '../errors/oauth-error.js';
import type { StrategyName } from './types.js';

const REQUIRED: Readonly<Partial<Record<StrategyName, readonly string[]>>> = {
  facebook: ['client_id', 'client_secret'],
  'google-oauth2': ['client_id'],
  apple: ['client_id', 'team_id', 'kid', 'app_secret'],
};

/**
 * Checks the options a social connection needs to verify native-app tokens (Auth0's option names):
 * `facebook` `client_id` (app id) and `client_secret` (app secret); `google-oauth2` `client_id` and
 * optional `allowed_audiences` (the app's other OAuth client ids); `apple` `client_id` (the bundle or
 * services id the codes are issued to), `team_id`, `kid` and `app_secret` (the `.p8` key, PEM). Every
 * social connection may set `provider_base_url` (tests point it at a local stand-in). Other strategies
 * pass untouched. Throws {@link ConfigurationError} naming the path.
 *
 * @example checkSocialConnection('facebook', { client_id: '123', client_secret: 's' }, 'connections[3].options');
 */
export function checkSocialConnection(strategy: StrategyName, options: Readonly<Record<string, unknown>>, path: string): void {
  const required = REQUIRED[strategy];
  if (!required) return;
  for (const key of required) {
    if (typeof options[key] !== 'string' || options[key] === '') throw new ConfigurationError(`${path}.${key}`, `is required for ${strategy} connections`);
  }
  const audiences = options.allowed_audiences;
  if (audiences !== undefined && !(Array.isArray(audiences) && audiences.every((a) => typeof a === 'string'))) {
    throw new ConfigurationError(`${path}.allowed_audiences`, 'must be an array of client ids');
  }
  const base = options.provider_base_url;
  if (base !== undefined) {
    try {
      const url = new URL(typeof base === 'string' ? base : JSON.stringify(base));
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    } catch {
      throw new ConfigurationError(`${path}.provider_base_url`, 'must be an http(s) URL');
    }
  }
}
