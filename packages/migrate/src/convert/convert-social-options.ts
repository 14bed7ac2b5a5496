import { stringOf, type Auth0Record, type MigrationContext } from './migration-context.js';

/**
 * Converts the options of a `facebook`, `google-oauth2` or `apple` connection: what oauth-ro needs to
 * verify native-app tokens of that provider (`client_id`, Google's `allowed_audiences`, Facebook's app
 * secret and Apple's `team_id`, `kid` and `.p8` key, the secrets as `env:` references). Returns
 * undefined, with a warning, for a connection on Auth0's development keys (no `client_id`). Only the
 * native token exchange is served: browser redirects (`/authorize`) are not.
 *
 * @example convertSocialOptions('facebook', { client_id: '123', client_secret: 's' }, 'facebook', 'connections[4]', context);
 */
export function convertSocialOptions(
  strategy: 'facebook' | 'google-oauth2' | 'apple',
  options: Auth0Record,
  name: string,
  where: string,
  context: MigrationContext,
): Auth0Record | undefined {
  const client_id = stringOf(options.client_id);
  if (!client_id) {
    context.warnings.push(`${where}: "${name}" uses Auth0's development keys (no client_id), which only Auth0 can use; skipped`);
    return undefined;
  }
  context.warnings.push(`${where}: "${name}" (${strategy}) serves native token exchange only (/oauth/access_token, /oauth/token); web logins through /authorize are not served`);
  const out: Auth0Record = { client_id };
  if (strategy === 'facebook') {
    out.client_secret = context.envReference(name, 'client_secret', `${where}.options.client_secret`, `the app secret of the Facebook app ${client_id}`);
  } else if (strategy === 'google-oauth2') {
    const audiences = Array.isArray(options.allowed_audiences) ? options.allowed_audiences.filter((a): a is string => typeof a === 'string' && a !== '') : [];
    if (audiences.length > 0) out.allowed_audiences = audiences;
  } else {
    for (const key of ['team_id', 'kid'] as const) {
      const value = stringOf(options[key]);
      out[key] = value ?? context.envReference(name, key, `${where}.options.${key}`, `the Apple ${key} of "${name}"`);
    }
    out.app_secret = context.envReference(name, 'app_secret', `${where}.options.app_secret`, `the .p8 key (PEM) of "${name}" from Apple`);
  }
  return out;
}
