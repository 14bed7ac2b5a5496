/** Signing algorithms for id_tokens (docs/spec.md §2). */
export type JwtAlg = 'RS256' | 'HS256' | 'ES256' | 'EdDSA';

/** A client, in the shape of Auth0's Management API v2. */
export interface ClientConfig {
  readonly client_id: string;
  readonly client_secret?: string;
  readonly name?: string;
  readonly jwt_configuration: {
    readonly alg: JwtAlg;
    readonly lifetime_in_seconds: number;
    readonly secret_encoded: boolean;
  };
  /** Refresh token policy, as Auth0's Management API names it; absent means the defaults of {@link RefreshTokenPolicy}. */
  readonly refresh_token?: RefreshTokenPolicy;
  /**
   * How the client authenticates at `/oauth/token` and `/oauth/revoke`: `none` for public clients
   * (mobile apps, SPAs). Absent: `client_secret_post` when the client has a secret, else `none`.
   */
  readonly token_endpoint_auth_method?: TokenEndpointAuthMethod;
  /**
   * The other clients that may obtain a token for this one at `/delegation` (Auth0's field). Absent
   * or empty: none — a client may always delegate to itself only (Auth0 read empty as "all").
   */
  readonly allowed_clients?: readonly string[];
  /** Browser origins allowed to call the API (CORS), Auth0's `allowed_origins`: `https://app.example.com`, `https://*.example.com`. */
  readonly allowed_origins?: readonly string[];
  /** Auth0's `web_origins`: granted CORS like {@link ClientConfig.allowed_origins}. */
  readonly web_origins?: readonly string[];
  /** Auth0's `callbacks` (redirect URLs); their http(s) origins are granted CORS too. */
  readonly callbacks?: readonly string[];
  /** Where `/logout?returnTo=` may send the browser (query string and fragment not compared), Auth0's `allowed_logout_urls`. */
  readonly allowed_logout_urls?: readonly string[];
  /**
   * The grants the client may use, in Auth0's names (`password`, `refresh_token`,
   * `http://auth0.com/oauth/legacy/grant-type/ro`, …). Absent: every grant but `client_credentials`,
   * which a client without the list gets only through a {@link ClientGrantConfig}.
   */
  readonly grant_types?: readonly string[];
  /** Auth0's `mobile` settings: the apps a passwordless `link_ios` / `link_android` opens. */
  readonly mobile?: {
    readonly ios?: { readonly app_bundle_identifier: string };
    readonly android?: { readonly app_package_name: string };
  };
}

/** Client authentication methods at the token and revocation endpoints (Auth0 / RFC 7591 names). */
export type TokenEndpointAuthMethod = 'none' | 'client_secret_post' | 'client_secret_basic';

/** A client's refresh token settings (Auth0 Management API `refresh_token`). */
export interface RefreshTokenPolicy {
  /** `rotating`: every use returns a successor and the used token dies. Default `non-rotating`. */
  readonly rotation_type: 'rotating' | 'non-rotating';
  /** `expiring` tokens die `token_lifetime` seconds after login. Default: `expiring` when rotating. */
  readonly expiration_type: 'expiring' | 'non-expiring';
  /** Seconds a rotated token may still be used (racing refreshes) before reuse revokes the family. Default 10. */
  readonly leeway: number;
  /** Seconds; default 2592000 (30 days). */
  readonly token_lifetime: number;
  /**
   * Seconds a token may go unused before it dies; each accepted use restarts the window (a rotated
   * token's successor gets a fresh one). Default 1296000 (15 days), at most `token_lifetime` when
   * expiring. Ignored when {@link RefreshTokenPolicy.infinite_idle_token_lifetime} is true.
   */
  readonly idle_token_lifetime?: number;
  /** True: no idle limit. Default: true for `non-expiring`, false for `expiring`. Absent means true. */
  readonly infinite_idle_token_lifetime?: boolean;
}

/** Strategy names the contract knows. */
export type StrategyName = 'auth0' | 'sms' | 'email' | 'ad' | 'waad' | 'adfs' | SocialStrategyName;

/** Social connections whose native-app tokens can be exchanged (`/oauth/access_token`, token exchange). */
export type SocialStrategyName = 'facebook' | 'google-oauth2' | 'apple';

/** Password rules for database connections, as Auth0 named them. */
export type PasswordPolicy = 'none' | 'low' | 'fair' | 'good' | 'excellent';

/** A connection, in the shape of Auth0's Management API v2. */
export interface ConnectionConfig {
  readonly name: string;
  readonly strategy: StrategyName;
  readonly enabled_clients: readonly string[];
  /** Strategy-specific options; each strategy validates its own. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** An Auth0 Rule (Management API `rules`). */
export interface RuleConfig {
  readonly name: string;
  /** `function (user, context, callback) { … }` */
  readonly script: string;
  readonly order?: number;
  readonly enabled: boolean;
}

/** An Auth0 Action (Management API `actions`), bound to its triggers in listing order. */
export interface ActionConfig {
  readonly name: string;
  readonly code: string;
  readonly supported_triggers: readonly ('post-login' | 'pre-user-registration')[];
  readonly secrets: Readonly<Record<string, string>>;
}

/** Limits of the process pool that runs Rules, Actions and custom-database scripts. */
export interface ScriptRunnerConfig {
  readonly processes?: number;
  readonly timeout_ms?: number;
  readonly cpu_ms?: number;
  readonly memory_mb?: number;
  /** `host:port` pairs scripts may connect to. */
  readonly allow_hosts?: readonly string[];
  /** A PEM file of extra CA certificates scripts trust (a legacy system behind a private CA). */
  readonly ca_file?: string;
}

/** The whole configuration after validation. */
export interface OAuthRoConfig {
  /** With a trailing slash, like Auth0's `https://tenant.auth0.com/`. */
  readonly issuer: string;
  readonly clients: readonly ClientConfig[];
  readonly connections: readonly ConnectionConfig[];
  readonly rules?: readonly RuleConfig[];
  /** The Rules' `configuration` object. */
  readonly rules_configs?: Readonly<Record<string, string>>;
  readonly actions?: readonly ActionConfig[];
  readonly script_runner?: ScriptRunnerConfig;
  /** Verification and reset email templates, Auth0's `/api/v2/email-templates` shape. */
  readonly email_templates?: readonly EmailTemplate[];
  /** The tenant's email provider, Auth0's `/api/v2/emails/provider` shape (read by the email sender). */
  readonly email_provider?: Readonly<Record<string, unknown>>;
  /** Tenant settings (Auth0's `default_directory`: the connection of the `password` grant). */
  readonly tenant?: TenantConfig;
  /** APIs that access tokens can be issued for (`audience`). */
  readonly resource_servers?: readonly ResourceServerConfig[];
  /** Which client may get `client_credentials` tokens for which API, with which scopes. */
  readonly client_grants?: readonly ClientGrantConfig[];
}

/** Templates oauth-ro sends. */
export type EmailTemplateName = 'verify_email' | 'reset_email' | 'enrollment_email';

/** One email template (Auth0 Management API `email-templates`); placeholders are `{{ url }}`, `{{ user.email }}`, `{{ application.name }}`, … */
export interface EmailTemplate {
  readonly template: EmailTemplateName;
  readonly from?: string;
  readonly subject?: string;
  /** HTML with placeholders; each value is HTML-escaped. */
  readonly body?: string;
  /** Where the page sends the user afterwards. */
  readonly resultUrl?: string;
  /** Lifetime of the link (default 432000 for reset, 432000 for verification, as Auth0). */
  readonly urlLifetimeInSeconds?: number;
  /** False: this email is not sent. Default true. */
  readonly enabled: boolean;
}

/** Tenant-wide settings, as Auth0's Management API names them. */
export interface TenantConfig {
  /** The connection `grant_type=password` at `/oauth/token` logs users in with. */
  readonly default_directory?: string;
}

/** An API (Auth0 Management API `resource_servers`). */
export interface ResourceServerConfig {
  /** The `audience` clients ask for and the access token's `aud`. */
  readonly identifier: string;
  readonly name?: string;
  /** Scopes the API defines; a token for it carries no other API scope. */
  readonly scopes: readonly { readonly value: string; readonly description?: string }[];
  /** Only RS256: access tokens are verified from JWKS alone. */
  readonly signing_alg: 'RS256';
  /** Seconds an access token for this API lives. Default 86400. */
  readonly token_lifetime: number;
  /** Whether a login for this API may get a refresh token (`offline_access`). Default false. */
  readonly allow_offline_access: boolean;
  readonly skip_consent_for_verifiable_first_party_clients: boolean;
}

/** A client's grant to an API for `client_credentials` (Auth0 Management API `client_grants`). */
export interface ClientGrantConfig {
  readonly client_id: string;
  /** A resource server's identifier. */
  readonly audience: string;
  /** The scopes the client may get; each defined by the API. */
  readonly scope: readonly string[];
}
