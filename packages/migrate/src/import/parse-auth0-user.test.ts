import { hash } from '@node-rs/bcrypt';
import { describe, expect, it } from 'vitest';
import { parseAuth0User } from './parse-auth0-user.js';

const CONNECTION = 'Username-Password-Authentication';
const context = { now: '2026-01-01T00:00:00.000Z', newId: () => 'auth0|generated' };
const bcrypt = await hash('correct horse', { cost: 4 });
/** Every record is read for the same connection at the same import time. */
const parse = (record: unknown) => parseAuth0User(record, CONNECTION, context);

describe('parseAuth0User', () => {
  it('maps an Auth0 export line field by field, keeping the user_id and the bcrypt hash', () => {
    const line = {
      user_id: 'auth0|5f8a1c2e9b3d4a0012345678',
      email: ' Alice@Example.COM ',
      email_verified: true,
      username: 'Alice',
      phone_number: '+1 (555) 010-0000',
      phone_verified: false,
      given_name: 'Alice',
      family_name: 'Liddell',
      name: 'Alice Liddell',
      nickname: 'alice',
      picture: 'https://example.com/a.png',
      user_metadata: { locale: 'fr' },
      app_metadata: { roles: ['admin'] },
      created_at: '2019-03-04T05:06:07.089Z',
      updated_at: '2024-05-06T07:08:09Z',
      blocked: true,
      password_hash: bcrypt,
      identities: [{ connection: CONNECTION }],
      logins_count: 12,
      last_ip: '203.0.113.9',
    };
    expect(parse(line)).toEqual({
      ok: true,
      value: {
        user_id: 'auth0|5f8a1c2e9b3d4a0012345678',
        connection: CONNECTION,
        strategy: 'auth0',
        email: 'alice@example.com',
        username: 'alice',
        phone_number: '+15550100000',
        password_hash: bcrypt,
        blocked: true,
        profile: {
          email_verified: true,
          phone_verified: false,
          given_name: 'Alice',
          family_name: 'Liddell',
          name: 'Alice Liddell',
          nickname: 'alice',
          picture: 'https://example.com/a.png',
          user_metadata: { locale: 'fr' },
          app_metadata: { roles: ['admin'] },
        },
        created_at: '2019-03-04T05:06:07.089Z',
        updated_at: '2024-05-06T07:08:09.000Z',
      },
    });
  });

  it("reads a line of Auth0's password-hash export: _id / alt_id, passwordHash, identifiers, $date", () => {
    const line = {
      _id: { $oid: '5dea9f9c82dd7c0e76e4ec93' },
      email_verified: false,
      passwordHash: bcrypt,
      password_set_date: { $date: '2019-12-06T18:36:12.412Z' },
      tenant: 'example-tenant',
      connection: CONNECTION,
      _tmp_is_unique: true,
      identifiers: [
        { type: 'email', value: 'User@Example.com', verified: true },
        { type: 'username', value: 'user1' },
      ],
    };
    expect(parse(line)).toEqual({
      ok: true,
      value: {
        user_id: 'auth0|5dea9f9c82dd7c0e76e4ec93',
        connection: CONNECTION,
        strategy: 'auth0',
        email: 'user@example.com',
        username: 'user1',
        password_hash: bcrypt,
        blocked: false,
        profile: { email_verified: false },
        created_at: context.now,
        updated_at: context.now,
      },
    });
    const alt = parse({ ...line, alt_id: 'euclid', created_at: { $date: '2019-01-01T00:00:00Z' } });
    expect(alt.ok && [alt.value.user_id, alt.value.created_at, alt.value.profile.email_verified]).toEqual(['auth0|euclid', '2019-01-01T00:00:00.000Z', false]);
    const rootless = parse({ _id: { $oid: 'abc' }, passwordHash: bcrypt, identifiers: [{ type: 'email', value: 'x@example.com', verified: true }] });
    expect(rootless.ok && [rootless.value.email, rootless.value.profile.email_verified]).toEqual(['x@example.com', true]);
    expect(parse({ ...line, connection: 'Other-DB' })).toEqual({
      ok: false,
      error: ['connection: the user is from "Other-DB"; import it with --connection "Other-DB" (a connection of that name)'],
    });
  });

  it('reads the hash from passwordHash and from custom_password_hash (bulk-import format)', () => {
    const camel = parse({ email: 'a@example.com', passwordHash: bcrypt });
    expect(camel.ok && camel.value.password_hash).toBe(bcrypt);
    const custom = parse({ email: 'a@example.com', custom_password_hash: { algorithm: 'bcrypt', hash: { value: bcrypt } } });
    expect(custom.ok && custom.value.password_hash).toBe(bcrypt);
  });

  it('fills what is missing: a new auth0| id, the import time, no password; a bare id gets auth0|', () => {
    const minimal = parse({ email: 'a@example.com' });
    expect(minimal).toEqual({
      ok: true,
      value: {
        user_id: 'auth0|generated',
        connection: CONNECTION,
        strategy: 'auth0',
        email: 'a@example.com',
        blocked: false,
        profile: {},
        created_at: context.now,
        updated_at: context.now,
      },
    });
    const bare = parse({ user_id: 'abc123', username: 'bob' });
    expect(bare.ok && bare.value.user_id).toBe('auth0|abc123');
  });

  it('keeps an argon2id hash as oauth-ro users export writes it (a restore), and as a plain password_hash', () => {
    const argon2id = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$ZmFrZWhhc2hmYWtlaGFzaGZha2VoYXNoZmFrZWhhc2g';
    const exported = parse({ email: 'a@example.com', custom_password_hash: { algorithm: 'argon2', hash: { value: argon2id } } });
    expect(exported.ok && exported.value.password_hash).toBe(argon2id);
    const plain = parse({ email: 'a@example.com', password_hash: argon2id });
    expect(plain.ok && plain.value.password_hash).toBe(argon2id);
    // The algorithm named must be the hash's own.
    expect(parse({ email: 'a@example.com', custom_password_hash: { algorithm: 'argon2', hash: { value: bcrypt } } }).ok).toBe(false);
    expect(parse({ email: 'a@example.com', custom_password_hash: { algorithm: 'bcrypt', hash: { value: argon2id } } }).ok).toBe(false);
  });

  it('refuses argon2 hashes a login could not verify or could not afford: other variants, versions, costs beyond the bounds', () => {
    const tail = '$c29tZXNhbHRzb21lc2FsdA$ZmFrZWhhc2hmYWtlaGFzaGZha2VoYXNoZmFrZWhhc2g';
    for (const head of [
      '$argon2i$v=19$m=19456,t=2,p=1',
      '$argon2d$v=19$m=19456,t=2,p=1',
      '$argon2id$v=16$m=19456,t=2,p=1',
      '$argon2id$v=19$m=4194304,t=2,p=1',
      '$argon2id$v=19$m=19456,t=50,p=1',
      '$argon2id$v=19$m=19456,t=0,p=1',
      '$argon2id$v=19$m=4,t=2,p=1',
    ]) {
      const result = parse({ email: 'a@example.com', password_hash: `${head}${tail}` });
      expect(result.ok, head).toBe(false);
      expect(result.ok ? '' : result.error.join('; ')).not.toContain(tail.slice(1, 20));
    }
    expect(parse({ email: 'a@example.com', password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ' }).ok).toBe(false);
  });

  it('refuses hashes it cannot verify, naming the field but never printing the hash', () => {
    const md5 = '5f4dcc3b5aa765d61d8327deb882cf99';
    for (const record of [
      { email: 'a@example.com', password_hash: md5 },
      { email: 'a@example.com', passwordHash: `$argon2id$v=19$m=1,t=1,p=1$${md5}` },
      { email: 'a@example.com', password_hash: bcrypt.slice(0, -1) },
      { email: 'a@example.com', custom_password_hash: { algorithm: 'md5', hash: { value: md5 } } },
      { email: 'a@example.com', custom_password_hash: { algorithm: 'bcrypt', hash: { value: md5 } } },
      { email: 'a@example.com', custom_password_hash: md5 },
    ]) {
      const result = parse(record);
      expect(result.ok).toBe(false);
      const text = result.ok ? '' : result.error.join('; ');
      expect(text).toMatch(/password_hash|passwordHash/);
      expect(text).not.toContain(md5);
      expect(text).not.toContain(bcrypt.slice(7, 20));
    }
  });

  it('refuses users of other providers, and names every bad field at once', () => {
    expect(parse({ user_id: 'google-oauth2|123', email: 'a@example.com' })).toEqual({
      ok: false,
      error: ['user_id: a "google-oauth2" user, not a database (auth0|…) user'],
    });
    const bad = parse({ email: 'secret-person@', email_verified: 'yes', phone_number: '555', blocked: 'no', created_at: 'yesterday', user_metadata: [1], name: 7 });
    expect(bad).toEqual({
      ok: false,
      error: [
        'email: not an email address',
        'phone_number: not an international (E.164) phone number',
        'email_verified: must be true or false',
        'name: must be a string of at most 2048 characters',
        'user_metadata: must be a JSON object',
        'blocked: must be true or false',
        'created_at: must be an ISO-8601 date',
      ],
    });
    expect(parse({ name: 'No Login' })).toEqual({ ok: false, error: ['email: required (or a username)'] });
    expect(parse([1, 2])).toEqual({ ok: false, error: ['not a JSON object'] });
    expect(parse({ user_id: 'auth0|has space', email: 'a@example.com' }).ok).toBe(false);
  });
});
