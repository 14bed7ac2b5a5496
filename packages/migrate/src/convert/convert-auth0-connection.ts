import { convertDatabaseOptions } from './convert-database-options.js';
import { convertAdfsOptions, convertAdOptions, convertWaadOptions } from './convert-directory-options.js';
import { convertEmailOptions, convertSmsOptions } from './convert-passwordless-options.js';
import { isRecord, stringOf, type Auth0Record, type MigrationContext } from './migration-context.js';
import { convertSocialOptions } from './convert-social-options.js';

/** What the connection converters need to know about the rest of the export. */
export interface ConnectionSources {
  /** Auth0 client_id or name → the oauth-ro client_id. */
  readonly clientIds: ReadonlyMap<string, string>;
  /** The tenant's email provider, for `email` connections. */
  readonly emailProvider?: Auth0Record;
  /** The Auth0 tenant name (`acme` of `acme.eu.auth0.com`), for ADFS relying-party identifiers. */
  readonly tenant?: string;
}

function enabledClients(raw: Auth0Record, where: string, name: string, sources: ConnectionSources, context: MigrationContext): string[] {
  if (!Array.isArray(raw.enabled_clients)) {
    context.warnings.push(
      `${where}.enabled_clients: missing in the export (GET /api/v2/connections/{id}/clients lists them); "${name}" is enabled for no client`,
    );
    return [];
  }
  const out: string[] = [];
  for (const ref of raw.enabled_clients) {
    const id = typeof ref === 'string' ? sources.clientIds.get(ref) : undefined;
    if (id === undefined) context.warnings.push(`${where}.enabled_clients: "${String(ref)}" is not a client in the export; dropped`);
    else if (!out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * Converts one Auth0 connection (Management API `GET /api/v2/connections`, or a deploy-cli
 * `connections`/`databases` entry) to an oauth-ro connection, mapping `enabled_clients` from Auth0's
 * ids or names. Strategies oauth-ro does not have (social, SAML, OIDC, …) return undefined with a warning.
 *
 * @example
 * convertAuth0Connection({ name: 'Username-Password-Authentication', strategy: 'auth0', enabled_clients: ['AbC'], options: {} }, 'connections[0]', sources, context);
 * // { name: 'Username-Password-Authentication', strategy: 'auth0', enabled_clients: ['AbC'], options: {} }
 */
export function convertAuth0Connection(
  raw: unknown,
  where: string,
  sources: ConnectionSources,
  context: MigrationContext,
): Auth0Record | undefined {
  if (!isRecord(raw)) {
    context.warnings.push(`${where}: not an object; skipped`);
    return undefined;
  }
  const name = stringOf(raw.name);
  if (!name) {
    context.warnings.push(`${where}: a connection without a name; skipped`);
    return undefined;
  }
  const strategy = stringOf(raw.strategy) ?? 'auth0';
  const options = isRecord(raw.options) ? raw.options : {};
  let converted: Auth0Record;
  switch (strategy) {
    case 'auth0':
      converted = convertDatabaseOptions(options, where, context, name);
      break;
    case 'sms':
      converted = convertSmsOptions(options, name, where, context);
      break;
    case 'email':
      converted = convertEmailOptions(options, name, where, sources.emailProvider, context);
      break;
    case 'ad':
      converted = convertAdOptions(options, name, where, context);
      break;
    case 'waad':
      converted = convertWaadOptions(options, name, where, context);
      break;
    case 'adfs':
      converted = convertAdfsOptions(options, name, where, sources.tenant, context);
      break;
    case 'facebook':
    case 'google-oauth2':
    case 'apple': {
      const social = convertSocialOptions(strategy, options, name, where, context);
      if (!social) return undefined;
      converted = social;
      break;
    }
    default:
      context.warnings.push(`${where}: "${name}" uses strategy ${strategy}, which oauth-ro does not support; skipped`);
      return undefined;
  }
  return { name, strategy, enabled_clients: enabledClients(raw, where, name, sources, context), options: converted };
}
