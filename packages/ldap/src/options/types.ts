/** Profile fields the directory fills, and the LDAP attribute each comes from. */
export interface AttributeMap {
  /** Stable user id; `objectGUID` (AD) with `entryUUID` (OpenLDAP) as fallback by default. */
  readonly id: readonly string[];
  readonly email: readonly string[];
  readonly name: readonly string[];
  readonly given_name: readonly string[];
  readonly family_name: readonly string[];
  readonly nickname: readonly string[];
  readonly upn: readonly string[];
  readonly username: readonly string[];
  readonly groups: readonly string[];
  /** Further profile fields by name (`department` → `department`, …). */
  readonly extra: Readonly<Record<string, string>>;
}

/**
 * The options of one `ad` connection after validation (docs/spec.md §2 names plus this package's own).
 * Secrets stay in memory only; nothing here is ever logged whole.
 */
export interface LdapOptions {
  /** `ldap://host[:port]` or `ldaps://host[:port]`. */
  readonly url: string;
  readonly base: string;
  /** `search`: find the entry with the service account, then bind as it; `direct`: bind as the user. */
  readonly bindMode: 'search' | 'direct';
  readonly bindUser?: string;
  readonly bindPassword?: string;
  /** Filter with `{0}` for the (escaped) login name. */
  readonly userFilter: string;
  /** Direct mode: bind name with `{0}` (DN-escaped when the template is a DN; `{0}` alone = as typed). */
  readonly userBindDn?: string;
  /** NetBIOS domain accepted in `DOMAIN\user` logins; any domain when unset. */
  readonly domain?: string;
  readonly startTls: boolean;
  readonly tlsCa?: readonly string[];
  readonly tlsServername?: string;
  readonly connectTimeoutMs: number;
  readonly timeoutMs: number;
  readonly poolSize: number;
  readonly idleTimeoutMs: number;
  /** Connections idle longer than this are checked (root DSE read) before reuse. */
  readonly healthCheckAfterMs: number;
  /** Groups through AD's matching rule in chain (LDAP_MATCHING_RULE_IN_CHAIN) instead of `memberOf`. */
  readonly nestedGroups: boolean;
  readonly attributes: AttributeMap;
}
