/**
 * The one list of configuration keys (docs/spec.md §2). A key in a `KNOWN` list is read by oauth-ro; a key
 * in an `AUTH0_ONLY` list is one Auth0 exports carry that oauth-ro does not support (a warning naming
 * what will not carry over); any other key is an error with a suggestion. Adding a configuration
 * key = adding it here (and moving it out of `AUTH0_ONLY` if it was there).
 *
 * Connection `options` are not listed: each strategy validates its own.
 */
export const KNOWN_CONFIG_KEYS = {
  root: [
    '$schema', 'issuer', 'clients', 'connections',
    'rules', 'rules_configs', 'actions', 'script_runner',
    'email_provider', 'email_templates',
    'tenant', 'resource_servers', 'client_grants',
  ],
  client: [
    'client_id', 'client_secret', 'name', 'jwt_configuration', 'refresh_token', 'token_endpoint_auth_method',
    'allowed_clients', 'allowed_origins', 'web_origins', 'callbacks', 'allowed_logout_urls', 'grant_types',
    'mobile',
  ],
  jwt_configuration: ['alg', 'lifetime_in_seconds', 'secret_encoded'],
  refresh_token: [
    'rotation_type',
    'expiration_type',
    'leeway',
    'token_lifetime',
    'infinite_token_lifetime',
    'idle_token_lifetime',
    'infinite_idle_token_lifetime',
  ],
  connection: ['name', 'strategy', 'enabled_clients', 'options'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

/** Keys Auth0 knows (Management API and deploy-cli exports) that oauth-ro does not use. */
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
} as const satisfies Readonly<Record<keyof typeof KNOWN_CONFIG_KEYS, readonly string[]>>;
