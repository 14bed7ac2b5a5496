import type { SigningKeyRecord, UserRecord } from '@oauth-ro/core/ports';

let sequence = 0;

/** A unique suffix, so records made by one test never collide by accident. */
function next(): number {
  sequence += 1;
  return sequence;
}

/**
 * A database user with every field set and distinct login keys, overridable field by field.
 * Values are already normalised (lower-cased, E.164), as core passes them.
 *
 * @example const user = makeUserRecord({ email: 'a@example.com' });
 */
export function makeUserRecord(overrides: Partial<UserRecord> = {}): UserRecord {
  const n = next();
  return {
    user_id: `auth0|user-${n}`,
    connection: 'Username-Password-Authentication',
    strategy: 'auth0',
    email: `user-${n}@example.com`,
    username: `user${n}`,
    phone_number: `+1555${String(n).padStart(7, '0')}`,
    password_hash: `$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$hash${n}`,
    blocked: false,
    profile: {
      email_verified: false,
      name: `User ${n}`,
      nickname: `user${n}`,
      user_metadata: { locale: 'fr-CA', tags: ['a', 'b'], nested: { n, ok: true, none: null } },
      app_metadata: { plan: 'free' },
      'custom:ünïcode': 'żółw 🐢',
    },
    created_at: '2024-01-02T03:04:05.678Z',
    updated_at: '2024-01-02T03:04:05.678Z',
    ...overrides,
  };
}

/**
 * An active signing key record. The JWKs are opaque JSON text to a store, so they are not real keys.
 *
 * @example const key = makeSigningKeyRecord({ alg: 'ES256' });
 */
export function makeSigningKeyRecord(overrides: Partial<SigningKeyRecord> = {}): SigningKeyRecord {
  const n = next();
  return {
    kid: `kid-${n}`,
    alg: 'RS256',
    private_jwk: JSON.stringify({ kty: 'RSA', kid: `kid-${n}`, d: `private-${n}` }),
    public_jwk: JSON.stringify({ kty: 'RSA', kid: `kid-${n}`, n: `public-${n}`, e: 'AQAB' }),
    created_at: 1_700_000_000_123 + n,
    ...overrides,
  };
}
