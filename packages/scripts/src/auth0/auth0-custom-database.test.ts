import { oauthError } from '@oauth-ro/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptRunner, type ScriptRunner } from '../index.js';
import { auth0CustomDatabase } from './auth0-custom-database.js';

const UNAVAILABLE = oauthError('temporarily_unavailable', "the legacy connection's user database is unavailable");
const NEVER = (name: string, args: string) => `function ${name}(${args}, callback) { /* never calls back */ }`;
const THROWS = (name: string, args: string) => `function ${name}(${args}, callback) { throw new Error('boom: secret detail'); }`;
const FAILS = (name: string, args: string) => `function ${name}(${args}, callback) { callback(new Error('connect ECONNREFUSED 10.0.0.1:5432')); }`;
const NEW_USER = { email: 'new@example.com', password: 'Secr3t-pass', client_id: 'app', connection: 'legacy' };

/** Each custom-database script kind with Auth0's callback contract (docs/spec.md §5.7). */
describe('auth0CustomDatabase: create, verify, change_password, delete, get_user', () => {
  let runner: ScriptRunner;
  beforeAll(async () => {
    runner = createScriptRunner({ size: 2, timeoutMs: 1_000, cpuMs: 800, memoryMb: 64, allowHosts: ['127.0.0.1:5432'] });
    expect(await runner.ready()).toBe(true);
  });
  afterAll(() => runner?.close());
  const db = (scripts: Record<string, string>, configuration: Record<string, string> = {}) => auth0CustomDatabase(runner, { connection: 'legacy', scripts, configuration, tenant: 'example' });

  it('create: callback(null) creates; ValidationError(user_exists) is user_exists; other ValidationErrors refuse with their message', async () => {
    const create = `function create(user, callback) {
      if (user.email === 'taken@example.com') return callback(new ValidationError('user_exists', 'my error message'));
      if (user.email === 'long@example.com') return callback(new ValidationError('email-too-long', 'Email is too long.'));
      if (user.tenant !== 'example' || user.client_id !== 'app' || user.connection !== 'legacy' || user.password !== 'Secr3t-pass') return callback(new Error('bad user object'));
      callback(null);
    }`;
    const legacy = db({ create });
    expect(await legacy.create!(NEW_USER)).toEqual({ ok: true, value: undefined });
    expect(await legacy.create!({ ...NEW_USER, email: 'taken@example.com' })).toEqual({ ok: false, error: oauthError('user_exists') });
    expect(await legacy.create!({ ...NEW_USER, email: 'long@example.com' })).toEqual({ ok: false, error: oauthError('invalid_signup', 'Email is too long.') });
  });

  it('verify: callback(null, true) verified, callback(null, false) not', async () => {
    const legacy = db({ verify: "function verify(email, callback) { callback(null, email === 'ok@example.com'); }" });
    expect(await legacy.verify!('ok@example.com')).toEqual({ ok: true, value: true });
    expect(await legacy.verify!('other@example.com')).toEqual({ ok: true, value: false });
  });

  it('change_password: true or an object with last_password_reset changed it, false did not; the new password arrives in plain text', async () => {
    const change_password = `function changePassword(email, newPassword, callback) {
      if (newPassword !== 'N3w-password') return callback(new Error('wrong argument'));
      if (email === 'a@example.com') return callback(null, true);
      if (email === 'b@example.com') return callback(null, { last_password_reset: Date.now() });
      callback(null, false);
    }`;
    const legacy = db({ change_password });
    expect(await legacy.changePassword!('a@example.com', 'N3w-password')).toEqual({ ok: true, value: true });
    expect(await legacy.changePassword!('b@example.com', 'N3w-password')).toEqual({ ok: true, value: true });
    expect(await legacy.changePassword!('c@example.com', 'N3w-password')).toEqual({ ok: true, value: false });
  });

  it('delete: callback(null) deleted, with the id Auth0 passed', async () => {
    const legacy = db({ delete: "function remove(id, callback) { if (id !== '42') return callback(new Error('wrong id')); callback(null); }" });
    expect(await legacy.delete!('42')).toEqual({ ok: true, value: undefined });
    expect(await legacy.delete!('43')).toEqual({ ok: false, error: UNAVAILABLE });
  });

  it('get_user: callback(null) is nobody, a profile is the user; without a get_user script nobody is known', async () => {
    const legacy = db({ get_user: "function getByEmail(email, callback) { if (email !== 'ken@example.com') return callback(null); callback(null, { user_id: 'k1', email: email }); }" });
    expect(await legacy.getUser('ken@example.com')).toEqual({ ok: true, value: { user_id: 'k1', email: 'ken@example.com' } });
    expect(await legacy.getUser('nobody@example.com')).toEqual({ ok: true, value: null });
    expect(await db({}).getUser('ken@example.com')).toEqual({ ok: true, value: null });
  });

  it('leaves out the operations whose script the connection does not have', () => {
    const legacy = db({ login: 'function login(e, p, cb) { cb(); }' });
    expect([legacy.create, legacy.verify, legacy.changePassword, legacy.delete]).toEqual([undefined, undefined, undefined, undefined]);
  });

  const failures: readonly [string, (make: (name: string, args: string) => string) => Promise<unknown>][] = [
    ['create', (make) => db({ create: make('create', 'user') }).create!(NEW_USER)],
    ['verify', (make) => db({ verify: make('verify', 'email') }).verify!('a@example.com')],
    ['change_password', (make) => db({ change_password: make('changePassword', 'email, newPassword') }).changePassword!('a@example.com', 'N3w-password')],
    ['delete', (make) => db({ delete: make('remove', 'id') }).delete!('42')],
    ['get_user', (make) => db({ get_user: make('getByEmail', 'email') }).getUser('a@example.com')],
  ];
  for (const [op, call] of failures) {
    it(`${op}: an error, a throw, or never calling back is 503 without the script's details`, async () => {
      expect(await call(FAILS)).toEqual({ ok: false, error: UNAVAILABLE });
      expect(await call(THROWS)).toEqual({ ok: false, error: UNAVAILABLE });
      const started = Date.now();
      expect(await call(NEVER)).toEqual({ ok: false, error: UNAVAILABLE });
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  }

  describe("Auth0's PostgreSQL templates call pg < 7's pg.connect(conString, callback(err, client, done))", () => {
    const name = `scripts_pg_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
    beforeAll(async () => {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const c = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${name}` });
      await c.connect();
      await c.query('CREATE TABLE users (id serial PRIMARY KEY, email text UNIQUE, password text)');
      await c.end();
    });
    afterAll(async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    });

    it('creates and deletes through a pooled client', async () => {
      const configuration = { DB: `postgres://postgres@127.0.0.1:5432/${name}` };
      const legacy = db({
        create: `function create(user, callback) {
          const postgres = require('pg');
          postgres.connect(configuration.DB, function (err, client, done) {
            if (err) return callback(err);
            client.query('INSERT INTO users(email, password) VALUES ($1, $2)', [user.email, 'x'], function (err) { done(); return callback(err); });
          });
        }`,
        delete: `function remove(id, callback) {
          const postgres = require('pg');
          postgres.connect(configuration.DB, function (err, client, done) {
            if (err) return callback(err);
            client.query('DELETE FROM users WHERE email = $1', [id], function (err) { done(); return callback(err); });
          });
        }`,
      }, configuration);
      expect(await legacy.create!(NEW_USER)).toEqual({ ok: true, value: undefined });
      expect(await legacy.create!(NEW_USER)).toEqual({ ok: false, error: UNAVAILABLE });
      expect(await legacy.delete!(NEW_USER.email)).toEqual({ ok: true, value: undefined });
      const c = new pg.Client({ connectionString: configuration.DB });
      await c.connect();
      expect((await c.query('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(0);
      await c.end();
    });
  });
});
