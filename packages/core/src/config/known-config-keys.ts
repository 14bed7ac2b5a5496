import * as v from 'valibot';

/**
 * The configuration's shape (docs/spec.md §2), written once as runtime-neutral valibot schemas: the
 * one list of configuration keys. `normalizeConfig` validates with it (types, required keys, enums,
 * unknown keys with a suggestion, Auth0-only keys as warnings), and `config.schema.json` (the JSON
 * Schema editors use through `"$schema"`) is generated from it at build time.
 *
 * Adding a configuration key = one entry in its section below (with its type and a description),
 * plus the normaliser that reads it; a key Auth0 exports carry that oauth-ro does not support goes in
 * {@link AUTH0_ONLY_CONFIG_KEYS} instead. Connection `options` are open: each strategy validates its own.
 */

/** Keys Auth0 knows (Management API and deploy-cli exports) that oauth-ro does not use: a warning each. */
export const AUTH0_ONLY_CONFIG_KEYS = {
  root: [
    'hooks', 'triggers',
    'roles', 'organizations', 'pages', 'prompts', 'branding', 'guardian_factors', 'attack_protection', 'log_streams',
    'emailTemplates', 'databases', 'migrations', 'token_dialect',
  ],
  client: [
    'app_type',
    'oidc_conformant', 'is_first_party', 'sso', 'sso_disabled', 'cross_origin_auth', 'cross_origin_authentication', 'cross_origin_loc',
    'logo_uri', 'description', 'custom_login_page', 'custom_login_page_on', 'custom_login_page_preview', 'initiate_login_uri',
    'client_metadata', 'native_social_login', 'addons', 'encryption_key', 'signing_keys', 'client_aliases',
    'is_token_endpoint_ip_header_trusted', 'organization_usage', 'organization_require_behavior', 'tenant', 'global',
    'callback_url_template', 'form_template', 'oidc_backchannel_logout', 'oidc_logout', 'require_pushed_authorization_requests',
    'compliance_level', 'token_dialect',
  ],
  jwt_configuration: ['scopes'],
  refresh_token: [],
  connection: ['id', 'display_name', 'realms', 'is_domain_connection', 'metadata', 'provisioning_ticket_url', 'show_as_button'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

const nonEmpty = v.pipe(v.string('must be a non-empty string'), v.minLength(1, 'must be a non-empty string'));
const nonBlank = v.pipe(
  v.string('must be a non-empty string'),
  v.check((s) => s.trim() !== '', 'must be a non-empty string'),
);
const stringList = (message: string, description: string) =>
  v.optional(v.pipe(v.array(nonBlank, message), v.description(description)));
/** Checked further by the normaliser that reads it; described here for editors. */
const described = (description: string) => v.optional(v.pipe(v.unknown(), v.description(description)));

/** What an Auth0-only key gets: an issue `normalizeConfig` turns into a warning, never an error. */
export const AUTH0_ONLY_PROBLEM = 'Auth0 setting that oauth-ro does not support; it is ignored';
const auth0Only = v.optional(v.pipe(v.custom<unknown>(() => false, AUTH0_ONLY_PROBLEM), v.description(AUTH0_ONLY_PROBLEM)));

/** Valibot's object and record schemas take an array for an object; configuration sections never do. */
const notArray = v.check((value: unknown) => !Array.isArray(value), 'must be an object');

/** A section: its keys, Auth0's unsupported ones (warnings), nothing else (an unknown key is an error). */
function section<E extends v.ObjectEntries>(entries: E, auth0: readonly string[]) {
  return v.pipe(
    v.unknown(),
    // Before the object schema, which takes an array for an object.
    notArray,
    // The Auth0-only entries are left out of the type: their values are never read.
    v.strictObject({ ...entries, ...(Object.fromEntries(auth0.map((key) => [key, auth0Only])) as object) }, 'must be an object'),
  );
}

const JWT_ALGS = ['RS256', 'HS256', 'ES256', 'EdDSA'] as const;
const STRATEGY_NAMES = ['auth0', 'sms', 'email', 'ad', 'waad', 'adfs', 'facebook', 'google-oauth2', 'apple'] as const;

const JWT_CONFIGURATION = {
  alg: v.optional(v.pipe(v.picklist(JWT_ALGS, `must be one of ${JWT_ALGS.join(', ')}`), v.description('Signing algorithm of id_tokens (default RS256).'))),
  lifetime_in_seconds: v.optional(
    v.pipe(
      v.number('must be a positive integer'),
      v.integer('must be a positive integer'),
      v.minValue(1, 'must be a positive integer'),
      v.description('id_token lifetime (default 36000).'),
    ),
  ),
  secret_encoded: v.optional(v.pipe(v.boolean('must be true or false'), v.description('client_secret is base64url (HS256).'))),
};

const REFRESH_TOKEN = {
  rotation_type: described('`rotating` or `non-rotating` (default).'),
  expiration_type: described('`expiring` or `non-expiring` (default).'),
  leeway: described('Seconds a rotated token still works (default 10).'),
  token_lifetime: described('Absolute lifetime in seconds.'),
  infinite_token_lifetime: described('true: no absolute lifetime.'),
  idle_token_lifetime: described('Idle lifetime in seconds.'),
  infinite_idle_token_lifetime: described('true: no idle lifetime.'),
};

const CLIENT = {
  client_id: v.pipe(nonEmpty, v.description('The client id applications send.')),
  client_secret: v.optional(v.pipe(nonEmpty, v.description('Confidential clients; at least 16 characters for HS256.'))),
  name: v.optional(v.pipe(nonEmpty, v.description('Display name.'))),
  jwt_configuration: v.optional(v.pipe(section(JWT_CONFIGURATION, AUTH0_ONLY_CONFIG_KEYS.jwt_configuration), v.description('id_token signing.'))),
  refresh_token: v.optional(v.pipe(section(REFRESH_TOKEN, AUTH0_ONLY_CONFIG_KEYS.refresh_token), v.description('Refresh token policy (Auth0 shape).'))),
  token_endpoint_auth_method: described('`none`, `client_secret_post` or `client_secret_basic`.'),
  allowed_clients: stringList('must be an array of client ids', 'Clients that may delegate to this one.'),
  allowed_origins: stringList('must be an array of strings', 'Origins allowed for cross-origin authentication.'),
  web_origins: stringList('must be an array of strings', 'Origins allowed for web message and CORS.'),
  callbacks: stringList('must be an array of strings', 'Allowed callback URLs.'),
  allowed_logout_urls: stringList('must be an array of strings', 'Allowed URLs after logout.'),
  grant_types: stringList('must be an array of grant type names', 'Grants this client may use.'),
  mobile: described('The native apps passwordless `link_ios` / `link_android` links open (`ios.app_bundle_identifier`, `android.app_package_name`; docs/spec.md §5.11).'),
};

const CONNECTION = {
  name: v.pipe(nonEmpty, v.description('The connection name applications send.')),
  strategy: v.pipe(v.picklist(STRATEGY_NAMES, `must be one of ${STRATEGY_NAMES.join(', ')}`), v.description('What kind of connection.')),
  enabled_clients: v.optional(v.pipe(v.array(nonEmpty, 'must be an array of client ids'), v.description('client_ids that may use it.'))),
  options: v.optional(v.pipe(v.unknown(), notArray, v.record(v.string(), v.unknown(), 'must be an object'), v.description("The strategy's options."))),
};

const ROOT = {
  $schema: v.optional(v.pipe(v.string(), v.description('The JSON Schema of this file, for editors.'))),
  issuer: v.pipe(nonEmpty, v.description('The http(s) URL tokens are issued by.')),
  clients: v.pipe(v.array(section(CLIENT, AUTH0_ONLY_CONFIG_KEYS.client), 'must be an array'), v.description('Applications.')),
  connections: v.pipe(v.array(section(CONNECTION, AUTH0_ONLY_CONFIG_KEYS.connection), 'must be an array'), v.description('Connections.')),
  rules: described('Auth0 Rules (extensibility).'),
  rules_configs: described("Rules' configuration values."),
  actions: described('Auth0 Actions (post-login, pre-user-registration).'),
  script_runner: described('Budgets of the script runner.'),
  email_provider: described('How emails are sent.'),
  email_templates: described('Email templates (verify, reset).'),
  tenant: described('Tenant settings.'),
  resource_servers: described('APIs (audiences).'),
  client_grants: described('Which clients may get tokens for which APIs.'),
};

/** The whole configuration file's shape. */
export const CONFIG_SCHEMA = section(ROOT, AUTH0_ONLY_CONFIG_KEYS.root);

/** Every section's keys, by section: what `did you mean` suggests from. */
export const CONFIG_SECTIONS = { root: ROOT, client: CLIENT, jwt_configuration: JWT_CONFIGURATION, refresh_token: REFRESH_TOKEN, connection: CONNECTION };

/** The keys oauth-ro reads, by section (derived from the schema). */
export const KNOWN_CONFIG_KEYS: { readonly [S in keyof typeof CONFIG_SECTIONS]: readonly string[] } = {
  root: Object.keys(ROOT),
  client: Object.keys(CLIENT),
  jwt_configuration: Object.keys(JWT_CONFIGURATION),
  refresh_token: Object.keys(REFRESH_TOKEN),
  connection: Object.keys(CONNECTION),
};
