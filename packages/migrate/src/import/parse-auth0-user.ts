import { err, ok, type Result, type UserRecord } from '@oauth-ro/core/ports';
import { looksLikeEmail, normalizeIdentifier, normalizePhoneNumber } from '@oauth-ro/core/internal';
import { importableHashKind, MAX_ARGON2ID } from './password-hash.js';

/** What a record may not be turned into a user for; field names only, never a value (hashes, PII). */
type Problems = string[];

const PROFILE_STRINGS = ['given_name', 'family_name', 'name', 'nickname', 'picture'] as const;
const MAX_STRING = 2048;
const ID = /^[^\s|][^\s]{0,254}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Algorithms of `custom_password_hash` (Auth0's bulk-import names) kept as they are. */
const CUSTOM_ALGORITHMS: Readonly<Record<string, string>> = { bcrypt: 'bcrypt', argon2: 'argon2id' };

/**
 * The password hash of a record, from any of the places Auth0's exports and imports put it, and
 * where `oauth-ro users export` puts it (`custom_password_hash` with `"algorithm": "argon2"`).
 */
function readHash(record: Record<string, unknown>, problems: Problems): string | undefined {
  const custom = record.custom_password_hash;
  if (custom !== undefined) {
    if (!isRecord(custom) || !isRecord(custom.hash)) {
      problems.push('custom_password_hash: must be {"algorithm": "bcrypt" | "argon2", "hash": {"value": "$2b$…" | "$argon2id$…"}}');
      return undefined;
    }
    const algorithm = typeof custom.algorithm === 'string' ? custom.algorithm : undefined;
    const kind = algorithm === undefined || !Object.hasOwn(CUSTOM_ALGORITHMS, algorithm) ? undefined : CUSTOM_ALGORITHMS[algorithm];
    if (kind === undefined) {
      problems.push(`custom_password_hash: algorithm "${algorithm?.slice(0, 32) ?? 'missing'}" cannot be verified here; only bcrypt and argon2 (argon2id) hashes are imported`);
      return undefined;
    }
    return checkHash('custom_password_hash.hash.value', custom.hash.value, problems, kind);
  }
  for (const field of ['password_hash', 'passwordHash']) {
    if (record[field] !== undefined) return checkHash(field, record[field], problems);
  }
  return undefined;
}

/** `value` if it is a hash the hasher verifies (of kind `expected`, when the record names one). */
function checkHash(field: string, value: unknown, problems: Problems, expected?: string): string | undefined {
  const kind = typeof value === 'string' ? importableHashKind(value) : undefined;
  if (kind !== undefined && (expected === undefined || kind === expected)) return value as string;
  problems.push(
    `${field}: not a bcrypt hash ($2a$, $2b$ or $2y$ with cost 04-31) nor an argon2id hash ($argon2id$v=19$, m <= ${MAX_ARGON2ID.memoryKiB}, t <= ${MAX_ARGON2ID.timeCost}, p <= ${MAX_ARGON2ID.parallelism}); other hashes cannot be verified here`,
  );
  return undefined;
}

/**
 * The record's id: `user_id` (management API export), else the password-hash export's `alt_id`
 * (an id chosen at creation) or its MongoDB `_id` (`{"$oid": "5dea…"}`), which Auth0 prefixes
 * with `auth0|` to make the user_id.
 */
function idOf(record: Record<string, unknown>): unknown {
  if (record.user_id !== undefined) return record.user_id;
  if (record.alt_id !== undefined) return record.alt_id;
  const id = record._id;
  return isRecord(id) ? id.$oid : id;
}

function readUserId(value: unknown, problems: Problems): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    problems.push('user_id: must be a string');
    return undefined;
  }
  const bar = value.indexOf('|');
  const provider = bar === -1 ? 'auth0' : value.slice(0, bar);
  const id = bar === -1 ? value : value.slice(bar + 1);
  if (provider !== 'auth0') {
    problems.push(`user_id: a "${provider.slice(0, 32)}" user, not a database (auth0|…) user`);
    return undefined;
  }
  if (!ID.test(id)) {
    problems.push('user_id: the id after "auth0|" must be 1 to 255 characters without spaces');
    return undefined;
  }
  return `auth0|${id}`;
}

function readDate(field: string, raw: unknown, fallback: string, problems: Problems): string {
  if (raw === undefined) return fallback;
  // MongoDB extended JSON, as in the password-hash export: {"$date": "2019-12-06T18:36:12.412Z"}.
  const value = isRecord(raw) ? raw.$date : raw;
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    problems.push(`${field}: must be an ISO-8601 date`);
    return fallback;
  }
  return new Date(time).toISOString();
}

function readProfile(record: Record<string, unknown>, problems: Problems): Record<string, unknown> {
  const profile: Record<string, unknown> = {};
  for (const field of ['email_verified', 'phone_verified'] as const) {
    const value = record[field];
    if (value === undefined) continue;
    if (typeof value === 'boolean') profile[field] = value;
    else problems.push(`${field}: must be true or false`);
  }
  for (const field of PROFILE_STRINGS) {
    const value = record[field];
    if (value === undefined) continue;
    if (typeof value === 'string' && value.length <= MAX_STRING) profile[field] = value;
    else problems.push(`${field}: must be a string of at most ${MAX_STRING} characters`);
  }
  for (const field of ['user_metadata', 'app_metadata'] as const) {
    const value = record[field];
    if (value === undefined) continue;
    if (isRecord(value)) profile[field] = value;
    else problems.push(`${field}: must be a JSON object`);
  }
  return profile;
}

/**
 * The password-hash export may carry the login keys only in `identifiers`
 * (`[{"type": "email", "value": "…", "verified": true}]`): they fill what the root lacks.
 */
function withIdentifiers(record: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(record.identifiers)) return record;
  const filled = { ...record };
  for (const identifier of record.identifiers) {
    if (!isRecord(identifier) || typeof identifier.type !== 'string') continue;
    const field = identifier.type;
    if ((field === 'email' || field === 'username' || field === 'phone_number') && filled[field] === undefined) {
      filled[field] = identifier.value;
      const verified = field === 'email' ? 'email_verified' : field === 'phone_number' ? 'phone_verified' : undefined;
      if (verified && filled[verified] === undefined && typeof identifier.verified === 'boolean') filled[verified] = identifier.verified;
    }
  }
  return filled;
}

function readLogins(record: Record<string, unknown>, problems: Problems) {
  const keys: { email?: string; username?: string; phone_number?: string } = {};
  if (record.email !== undefined) {
    const email = typeof record.email === 'string' ? normalizeIdentifier(record.email) : '';
    if (looksLikeEmail(email)) keys.email = email;
    else problems.push('email: not an email address');
  }
  if (record.username !== undefined) {
    const username = typeof record.username === 'string' ? normalizeIdentifier(record.username) : '';
    if (username !== '' && username.length <= 128 && !looksLikeEmail(username)) keys.username = username;
    else problems.push('username: must be 1 to 128 characters and not an email address');
  }
  if (record.phone_number !== undefined) {
    const phone = typeof record.phone_number === 'string' ? normalizePhoneNumber(record.phone_number) : undefined;
    if (phone) keys.phone_number = phone;
    else problems.push('phone_number: not an international (E.164) phone number');
  }
  if (record.email === undefined && record.username === undefined) problems.push('email: required (or a username)');
  return keys;
}

/**
 * Turns one user of an Auth0 export into a database user of `connection`: a line of the password
 * hash export Auth0 support hands over (`_id`/`alt_id`, `passwordHash`, `identifiers`,
 * `connection`), a user of the Management API or its export job (`user_id`, …), or a bulk-import
 * entry (`custom_password_hash`), or a line of `oauth-ro users export` (a backup). It keeps the
 * `user_id`, login keys (normalised as sign-up does), profile, metadata, dates and `blocked` flag,
 * and its password hash (`password_hash`, `passwordHash` or `custom_password_hash`) as it is: a
 * bcrypt hash, which the hasher verifies and core replaces with argon2id at the first good login,
 * or an argon2id hash (see {@link importableHashKind}). A record without a hash is imported without a password. Every
 * problem is named by field, never with the value (hashes and personal data stay out of reports).
 *
 * @example
 * const user = parseAuth0User(JSON.parse(line), 'Username-Password-Authentication', { now, newId });
 * if (!user.ok) console.error(user.error.join('; '));
 */
export function parseAuth0User(
  raw: unknown,
  connection: string,
  context: { readonly now: string; readonly newId: () => string },
): Result<UserRecord, string[]> {
  if (!isRecord(raw)) return err(['not a JSON object']);
  const value = withIdentifiers(raw);
  const problems: Problems = [];
  if (typeof value.connection === 'string' && value.connection !== connection) {
    problems.push(`connection: the user is from "${value.connection.slice(0, 128)}"; import it with --connection "${value.connection.slice(0, 128)}" (a connection of that name)`);
  }
  const user_id = readUserId(idOf(value), problems);
  const logins = readLogins(value, problems);
  const password_hash = readHash(value, problems);
  const profile = readProfile(value, problems);
  if (value.blocked !== undefined && typeof value.blocked !== 'boolean') problems.push('blocked: must be true or false');
  const created_at = readDate('created_at', value.created_at, context.now, problems);
  const updated_at = readDate('updated_at', value.updated_at, created_at, problems);
  if (problems.length > 0) return err(problems);
  return ok({
    user_id: user_id ?? context.newId(),
    connection,
    strategy: 'auth0',
    ...logins,
    ...(password_hash === undefined ? {} : { password_hash }),
    blocked: value.blocked === true,
    profile,
    created_at,
    updated_at,
  });
}
