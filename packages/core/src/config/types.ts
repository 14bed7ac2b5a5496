/** Signing algorithms for id_tokens (SPEC §2). */
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
}

/** Strategy names the contract knows. */
export type StrategyName = 'auth0' | 'sms' | 'email' | 'ad' | 'waad' | 'adfs';

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

/** The whole configuration after validation. */
export interface OAuthRoConfig {
  /** With a trailing slash, like Auth0's `https://tenant.auth0.com/`. */
  readonly issuer: string;
  readonly clients: readonly ClientConfig[];
  readonly connections: readonly ConnectionConfig[];
}
