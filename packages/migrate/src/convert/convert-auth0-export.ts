import { convertAuth0Apis } from './convert-auth0-apis.js';
import { convertAuth0Client } from './convert-auth0-client.js';
import { resolveAllowedClients } from './resolve-allowed-clients.js';
import { convertAuth0Connection } from './convert-auth0-connection.js';
import { convertExtensibility } from './convert-extensibility.js';
import { createMigrationContext, isRecord, stringOf, type Auth0Record } from './migration-context.js';
import { convertEmailProvider } from './convert-email-provider.js';
import { convertEmailTemplates } from './convert-email-templates.js';

/** deploy-cli sections (and Management API bundles) that have no counterpart in oauth-ro. */
const UNSUPPORTED_SECTIONS: Readonly<Record<string, string>> = {
  hooks: 'hooks do not run in oauth-ro',
  roles: 'roles are not carried over; put them in app_metadata when importing users',
  organizations: 'organizations are not supported',
  guardianFactors: 'multi-factor authentication is not supported',
};

/** Options of {@link convertAuth0Export}. */
export interface ConvertAuth0ExportOptions {
  /**
   * Reads a script a deploy-cli export references (`./rules/add-roles.js`), or undefined when it
   * cannot; {@link scriptsBeside} reads them next to the export file.
   */
  readonly readScript?: (reference: string) => string | undefined;
}

/** The result of {@link convertAuth0Export}. */
export interface ConvertedAuth0Export {
  /** An oauth-ro configuration (docs/spec.md §2): secrets are `env:` references, to be set before start-up. */
  readonly config: Record<string, unknown>;
  /** What was not carried over, and every environment variable to set. */
  readonly warnings: string[];
}

function list(input: Auth0Record, key: string): unknown[] {
  const value = input[key];
  return Array.isArray(value) ? value : [];
}

/** The tenant name: `acme` of a `domain` of `acme.eu.auth0.com`, or `tenant.name`. */
function tenantName(input: Auth0Record): string | undefined {
  const domain = stringOf(input.domain);
  if (domain) return domain.replace(/^https?:\/\//, '').split('.')[0];
  return isRecord(input.tenant) ? stringOf(input.tenant.name) : undefined;
}

/** Accepts `{clients, connections}` objects, and one array mixing clients and connections. */
function asExport(input: unknown): Auth0Record {
  if (Array.isArray(input)) {
    return {
      clients: input.filter((item) => isRecord(item) && item.strategy === undefined && item.client_id !== undefined),
      connections: input.filter((item) => isRecord(item) && item.strategy !== undefined),
    };
  }
  if (!isRecord(input) || !['clients', 'connections', 'databases'].some((key) => Array.isArray(input[key]))) {
    throw new TypeError(
      'not an Auth0 tenant export: expected an object with "clients", "connections" and/or "databases" arrays ' +
        '(Management API GET /api/v2/clients and /api/v2/connections, or a deploy-cli tenant.yaml)',
    );
  }
  return input;
}

/**
 * Converts an Auth0 tenant export into an oauth-ro configuration. Accepts the Management API v2
 * shapes (`{ clients: GET /api/v2/clients, connections: GET /api/v2/connections, email_provider?,
 * domain? }`) and an auth0-deploy-cli `tenant.yaml` (parsed: `clients`, `connections`, `databases`,
 * `emailProvider`). Client secrets and other credentials are never copied: each becomes an
 * `env:NAME` reference, and a warning names the variable. Anything oauth-ro does not do (social
 * connections, hooks, rules of other stages, actions bound to other triggers, …) is listed in
 * `warnings`. Rules, Actions and custom-database scripts carry over; `readScript` reads the files a
 * deploy-cli export references.
 * Throws a TypeError when the input is not an export at all.
 *
 * @example
 * const { config, warnings } = convertAuth0Export({ clients: [...], connections: [...] });
 * await writeFile('oauth-ro.json', JSON.stringify(config, null, 2));
 */
export function convertAuth0Export(input: unknown, options: ConvertAuth0ExportOptions = {}): ConvertedAuth0Export {
  const source = asExport(input);
  const context = createMigrationContext(options.readScript);
  const clients: Auth0Record[] = [];
  const clientIds = new Map<string, string>();
  list(source, 'clients').forEach((raw, i) => {
    const converted = convertAuth0Client(raw, i, context);
    if (!converted) return;
    if (clients.some((c) => c.client_id === converted.client.client_id)) {
      context.warnings.push(`clients[${i}]: duplicates client_id ${String(converted.client.client_id)}; skipped`);
      return;
    }
    clients.push(converted.client);
    for (const alias of converted.aliases) if (!clientIds.has(alias)) clientIds.set(alias, converted.client.client_id as string);
  });
  resolveAllowedClients(clients, clientIds, context);

  const emailProvider = [source.emailProvider, source.email_provider].find(isRecord);
  const tenant = tenantName(source);
  const sources = { clientIds, ...(emailProvider ? { emailProvider } : {}), ...(tenant ? { tenant } : {}) };
  const connections: Auth0Record[] = [];
  const add = (raw: unknown, where: string) => {
    const converted = convertAuth0Connection(raw, where, sources, context);
    if (!converted) return;
    if (connections.some((c) => c.name === converted.name)) {
      context.warnings.push(`${where}: duplicates connection name "${String(converted.name)}"; skipped`);
      return;
    }
    connections.push(converted);
  };
  list(source, 'databases').forEach((raw, i) => add(isRecord(raw) ? { ...raw, strategy: 'auth0' } : raw, `databases[${i}]`));
  list(source, 'connections').forEach((raw, i) => add(raw, `connections[${i}]`));

  for (const [key, why] of Object.entries(UNSUPPORTED_SECTIONS)) {
    const value = source[key];
    const count = Array.isArray(value) ? value.length : isRecord(value) ? Object.keys(value).length : 0;
    if (count > 0) context.warnings.push(`${key}: ${count} not carried over (${why})`);
  }
  const issuer = context.envReference('oauth_ro', 'issuer', 'issuer', "the URL of oauth-ro's domain with a trailing slash, e.g. https://auth.example.com/");
  const email_provider = emailProvider ? convertEmailProvider(emailProvider, context) : undefined;
  const email_templates = convertEmailTemplates(source.emailTemplates ?? source.email_templates, context);
  const extensibility = convertExtensibility(source, context);
  const apis = convertAuth0Apis(source, clientIds, connections.map((c) => c.name as string), context);
  return {
    config: { issuer, clients, connections, ...(email_provider ? { email_provider } : {}), ...(email_templates.length > 0 ? { email_templates } : {}), ...extensibility, ...apis },
    warnings: context.warnings,
  };
}
