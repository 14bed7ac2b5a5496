import type { OptionReader } from '@oauth-ro/core/ports';
import type { AttributeMap } from './types.js';

/**
 * Where each profile field comes from: AD names first, then the usual OpenLDAP (inetOrgPerson) ones.
 *
 * @example
 * DEFAULT_ATTRIBUTES.id; // ['objectGUID', 'entryUUID']
 */
export const DEFAULT_ATTRIBUTES: AttributeMap = {
  id: ['objectGUID', 'entryUUID'],
  email: ['mail'],
  name: ['displayName', 'cn'],
  given_name: ['givenName'],
  family_name: ['sn'],
  nickname: ['sAMAccountName', 'uid'],
  upn: ['userPrincipalName'],
  username: ['sAMAccountName', 'uid'],
  groups: ['memberOf'],
  extra: {},
};

const MAPPED = new Set(['id', 'email', 'name', 'given_name', 'family_name', 'nickname', 'upn', 'username', 'groups']);
/** Profile fields that belong to oauth-ro, the token or the store, never to the directory. */
const RESERVED = new Set([
  'user_id', 'identities', 'app_metadata', 'user_metadata', 'blocked', 'created_at', 'updated_at', 'sub', 'iss',
  'aud', 'exp', 'iat', 'nbf', 'azp', 'connection', 'strategy', 'password', 'password_hash', 'email_verified',
  'phone_number', 'phone_verified', 'last_login', 'logins_count', '__proto__', 'constructor', 'prototype',
]);
const ATTRIBUTE = /^(?:[A-Za-z][A-Za-z0-9-]{0,127}|\d+(?:\.\d+)+)$/;
const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * Reads `ldap_attribute_map` (`{ "email": "mail", "name": ["displayName", "cn"], "department": "department" }`)
 * over the defaults: known fields take one attribute or a fallback list, other fields one attribute.
 *
 * @example
 * parseAttributeMap(read); // DEFAULT_ATTRIBUTES with the configured overrides
 */
export function parseAttributeMap(read: OptionReader): AttributeMap {
  const raw = read.record('ldap_attribute_map');
  if (!raw) return DEFAULT_ATTRIBUTES;
  const mapped: Record<string, readonly string[]> = {};
  const extra: Record<string, string> = {};
  for (const [field, value] of Object.entries(raw)) {
    const at = `ldap_attribute_map.${field}`;
    if (!FIELD.test(field) || RESERVED.has(field)) read.fail(at, 'is not a profile field the directory may fill');
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0 || list.some((a) => typeof a !== 'string' || !ATTRIBUTE.test(a))) {
      read.fail(at, 'must be an LDAP attribute name (or, for known fields, a non-empty array of them)');
    }
    if (MAPPED.has(field)) mapped[field] = list as string[];
    else if (list.length !== 1) read.fail(at, 'must be one LDAP attribute name');
    else extra[field] = list[0] as string;
  }
  return { ...DEFAULT_ATTRIBUTES, ...mapped, extra };
}
