import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScriptRunner, type ScriptRunner } from '../index.js';

const fixture = (name: string) => readFileSync(new URL(`../../test-fixtures/auth0-rules/${name}`, import.meta.url), 'utf8');

const user = { user_id: 'auth0|1', email: 'ada@example.com', email_verified: true, app_metadata: {} };
const context = { clientID: 'app', clientName: 'App', connection: 'db', idToken: {}, accessToken: {} };

describe('script runner', () => {
  let runner: ScriptRunner;
  let http: Server;
  let httpPort: number;
  const logs: string[] = [];

  beforeAll(async () => {
    http = createServer((_req, res) => res.end('{"legacy":true}'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    httpPort = (http.address() as AddressInfo).port;
    runner = createScriptRunner({
      size: 2,
      timeoutMs: 1_500,
      cpuMs: 800,
      memoryMb: 64,
      allowHosts: [`127.0.0.1:${httpPort}`],
      onLog: (entry) => logs.push(`${entry.level}:${entry.text}`),
    });
    expect(await runner.ready()).toBe(true);
  });

  afterAll(async () => {
    await runner?.close();
    await new Promise((resolve) => http?.close(resolve));
  });

  describe('Rules, unchanged from Auth0', () => {
    it('runs the "set roles to a user" template: claims and app_metadata come back', async () => {
      const outcome = await runner.runRules({ rules: [{ name: 'roles', script: fixture('roles-creation.js') }], user, context });
      expect(outcome).toMatchObject({
        ok: true,
        value: { context: { idToken: { 'https://example.com/roles': ['admin'] } }, updates: { app_metadata: { roles: ['admin'] } } },
      });
    });

    it('runs the "email domain whitelist" template: UnauthorizedError denies', async () => {
      const rules = [{ name: 'whitelist', script: fixture('simple-domain-whitelist.js') }];
      const allowed = await runner.runRules({ rules, user, context });
      expect(allowed.ok).toBe(true);
      const denied = await runner.runRules({ rules, user: { ...user, email: 'eve@evil.test' }, context });
      expect(denied).toEqual({ ok: false, error: expect.objectContaining({ kind: 'script', name: 'UnauthorizedError', message: 'Access denied.', rule: 'whitelist' }) });
    });

    it('runs rules in order, each seeing what the previous left, with configuration', async () => {
      const outcome = await runner.runRules({
        rules: [
          { name: 'second', order: 2, script: 'function (user, context, callback) { context.idToken[configuration.NS + "/n"] += 1; callback(null, user, context); }' },
          { name: 'first', order: 1, script: 'function (user, context, callback) { context.idToken[configuration.NS + "/n"] = 1; callback(null, user, context); }' },
          { name: 'off', enabled: false, script: 'function (user, context, callback) { callback(new Error("disabled rules never run")); }' },
        ],
        configuration: { NS: 'https://ns' },
        user,
        context,
      });
      expect(outcome).toMatchObject({ ok: true, value: { context: { idToken: { 'https://ns/n': 2 } } } });
    });

    it('lets objects built in the script pass instanceof checks of its own realm', async () => {
      const outcome = await runner.runRules({
        rules: [{ name: 'realm', script: 'function (user, context, callback) { callback(null, user, Object.assign(context, { ok: user instanceof Object && Array.isArray(user.list) })); }' }],
        user: { ...user, list: [] },
        context,
      });
      expect(outcome).toMatchObject({ ok: true, value: { context: { ok: true } } });
    });
  });

  describe('Actions', () => {
    it('runs a post-login Action adding custom claims (Auth0 docs sample)', async () => {
      const code = `exports.onExecutePostLogin = async (event, api) => {
  const namespace = 'https://my-app.example.com';
  if (event.authorization) {
    api.idToken.setCustomClaim(\`\${namespace}/roles\`, event.authorization.roles);
    api.accessToken.setCustomClaim(\`\${namespace}/roles\`, event.authorization.roles);
  }
};`;
      const outcome = await runner.runActions('post-login', { actions: [{ name: 'claims', code }], event: { user, authorization: { roles: ['admin'] } } });
      expect(outcome).toMatchObject({
        ok: true,
        value: { idToken: { 'https://my-app.example.com/roles': ['admin'] }, accessToken: { 'https://my-app.example.com/roles': ['admin'] } },
      });
    });

    it('stops at the first api.access.deny and sees event.secrets', async () => {
      const outcome = await runner.runActions('post-login', {
        actions: [
          { name: 'deny', code: 'exports.onExecutePostLogin = async (event, api) => { if (event.secrets.BLOCK === "yes") api.access.deny("blocked by policy"); };', secrets: { BLOCK: 'yes' } },
          { name: 'never', code: 'exports.onExecutePostLogin = async (event, api) => { api.idToken.setCustomClaim("https://x/never", true); };' },
        ],
        event: { user },
      });
      expect(outcome).toEqual({ ok: true, value: expect.objectContaining({ deny: { reason: 'blocked by policy' }, idToken: {} }) });
    });

    it('runs pre-user-registration with metadata and deny(code, reason)', async () => {
      const outcome = await runner.runActions('pre-user-registration', {
        actions: [{ name: 'pre', code: 'exports.onExecutePreUserRegistration = async (event, api) => { api.user.setUserMetadata("plan", "free"); if (event.user.email.endsWith("@spam.test")) api.access.deny("no_spam", "Sign-ups from this domain are closed."); };' }],
        event: { user: { email: 'x@spam.test' } },
      });
      expect(outcome).toMatchObject({ ok: true, value: { user_metadata: { plan: 'free' }, deny: { code: 'no_spam', reason: 'Sign-ups from this domain are closed.' } } });
    });
  });

  describe('custom-database scripts', () => {
    const login = `function login(email, password, callback) {
  const bcrypt = require('bcrypt');
  if (email !== 'old@example.com') return callback(new WrongUsernameOrPasswordError(email));
  bcrypt.compare(password, configuration.HASH, function (err, isValid) {
    if (err || !isValid) return callback(err || new WrongUsernameOrPasswordError(email));
    callback(null, { user_id: 'legacy-1', email: email, email_verified: true });
  });
}`;
    it('runs a bcrypt login script with configuration; wrong passwords are WrongUsernameOrPasswordError', async () => {
      const bcrypt = await import('bcryptjs');
      const configuration = { HASH: await bcrypt.hash('Old-Password-1', 4) };
      const ok = await runner.runDatabaseScript({ connection: 'legacy', op: 'login', script: login, configuration, args: { email: 'old@example.com', password: 'Old-Password-1' } });
      expect(ok).toEqual({ ok: true, value: { user_id: 'legacy-1', email: 'old@example.com', email_verified: true } });
      const wrong = await runner.runDatabaseScript({ connection: 'legacy', op: 'login', script: login, configuration, args: { email: 'old@example.com', password: 'nope' } });
      expect(wrong).toMatchObject({ ok: false, error: { kind: 'script', name: 'WrongUsernameOrPasswordError' } });
    });

    it('answers null when get_user finds nobody, and ValidationError codes from create', async () => {
      const none = await runner.runDatabaseScript({ connection: 'legacy', op: 'get_user', script: 'function getByEmail(email, callback) { callback(null); }', args: { email: 'x@example.com' } });
      expect(none).toEqual({ ok: true, value: null });
      const exists = await runner.runDatabaseScript({ connection: 'legacy', op: 'create', script: 'function create(user, callback) { callback(new ValidationError("user_exists", "the user already exists")); }', args: { user: { email: 'x@example.com' } } });
      expect(exists).toMatchObject({ ok: false, error: { name: 'ValidationError', code: 'user_exists', message: 'the user already exists' } });
    });

    it('reaches allowed hosts with request and fetch, and is refused everywhere else', async () => {
      const script = (target: string) => `function getByEmail(email, callback) {
  const request = require('request');
  request.get({ url: '${target}', json: true }, function (err, response, body) {
    if (err) return callback(new Error(err.code || err.message));
    fetch('${target}').then((r) => r.json()).then((viaFetch) => callback(null, { body, viaFetch }), (e) => callback(new Error('fetch ' + (e.cause && e.cause.code || e.message))));
  });
}`;
      const allowed = await runner.runDatabaseScript({ connection: 'net', op: 'get_user', script: script(`http://127.0.0.1:${httpPort}/`), args: { email: 'a' } });
      expect(allowed).toEqual({ ok: true, value: { body: { legacy: true }, viaFetch: { legacy: true } } });
      const denied = await runner.runDatabaseScript({ connection: 'net', op: 'get_user', script: script('http://127.0.0.1:5432/'), args: { email: 'a' } });
      expect(denied).toMatchObject({ ok: false, error: { message: 'ERR_OUTBOUND_DENIED' } });
    });
  });

  describe('isolation', () => {
    const attempt = (body: string) =>
      runner.runDatabaseScript({ connection: 'probe', op: 'get_user', script: `function getByEmail(email, callback) { try { ${body}; callback(null, { escaped: true }); } catch (e) { callback(null, { refused: String(e.code || e.message) }); } }`, args: { email: 'a' } });

    it('refuses modules Auth0 did not offer, naming the supported ones', async () => {
      const outcome = await attempt("require('fs')");
      expect(outcome).toMatchObject({ ok: true, value: { refused: 'MODULE_NOT_SUPPORTED' } });
      const message = await runner.runDatabaseScript({ connection: 'probe', op: 'get_user', script: "function getByEmail(email, callback) { require('child_process'); }", args: {} });
      expect(message).toMatchObject({ ok: false, error: { message: expect.stringContaining('supported: assert, bcrypt') } });
    });

    it('gives escaped code no file system, no child processes, no environment, no signals', async () => {
      const processOf = "const p = this.constructor.constructor('return process')()";
      expect(await attempt(`${processOf}; p.mainModule.require('fs').readFileSync('/etc/hostname')`)).toMatchObject({ value: { refused: 'ERR_ACCESS_DENIED' } });
      expect(await attempt(`${processOf}; p.mainModule.require('child_process').execSync('id')`)).toMatchObject({ value: { refused: 'ERR_ACCESS_DENIED' } });
      expect(await attempt(`${processOf}; if (Object.keys(p.env).length) throw new Error('env ' + Object.keys(p.env))`)).toMatchObject({ value: { escaped: true } });
      expect(await attempt(`${processOf}; p.kill(p.ppid, 'SIGTERM')`)).toMatchObject({ value: { refused: 'process.kill is not available to scripts' } });
      expect(await attempt(`${processOf}; p.mainModule.require('net').createServer().listen(0)`)).toMatchObject({ value: { refused: 'scripts may not listen for connections' } });
    });

    it('answers a never-called callback with a timeout and replaces the process', async () => {
      const before = runner.pids();
      const outcome = await runner.runDatabaseScript({ connection: 'hang', op: 'get_user', script: 'function getByEmail(email, callback) { /* never calls back */ }', args: {} });
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'timeout', message: expect.stringContaining('Script execution time exceeded') } });
      await expect.poll(() => runner.pids().length).toBe(2);
      expect(runner.pids()).not.toEqual(before);
    });

    it('kills an infinite loop on its CPU budget while other runs go on', async () => {
      // Its own pool: a wall-clock budget far above the CPU budget, so a loaded machine cannot turn it into a timeout.
      const cpuRunner = createScriptRunner({ size: 1, cpuMs: 300, timeoutMs: 60_000 });
      const loop = cpuRunner.runRules({ rules: [{ name: 'spin', script: 'function (user, context, callback) { while (true) {} }' }], user, context });
      const others = await Promise.all(Array.from({ length: 5 }, () => runner.runRules({ rules: [{ name: 'quick', script: 'function (u, c, cb) { cb(null, u, c); }' }], user, context })));
      expect(others.every((o) => o.ok)).toBe(true);
      expect(await loop).toMatchObject({ ok: false, error: { kind: 'cpu' } });
      await cpuRunner.close();
    });

    it('stops a script that exceeds its memory', async () => {
      const outcome = await runner.runRules({ rules: [{ name: 'hog', script: 'function (user, context, callback) { const a = []; for (;;) a.push(new Array(1e5).fill(Math.random())); }' }], user, context });
      expect(outcome).toMatchObject({ ok: false, error: { kind: expect.stringMatching(/^(memory|cpu)$/) } });
    });

    it('answers thrown errors and errors thrown later in a callback', async () => {
      const thrown = await runner.runRules({ rules: [{ name: 'throws', script: 'function (user, context, callback) { throw new Error("boom"); }' }], user, context });
      expect(thrown).toMatchObject({ ok: false, error: { kind: 'script', message: 'boom', rule: 'throws' } });
      const later = await runner.runRules({ rules: [{ name: 'later', script: 'function (user, context, callback) { setTimeout(function () { throw new Error("late boom"); }, 1); }' }], user, context });
      expect(later).toMatchObject({ ok: false, error: { kind: 'script', message: 'late boom' } });
    });

    it('replaces a process whose script keeps spinning after it called back', async () => {
      // Its own single-process pool, with budgets far above what the calls need, so a loaded machine
      // cannot turn the calls themselves into timeouts: what is tested is the replacement.
      const own = createScriptRunner({ size: 1, cpuMs: 10_000, timeoutMs: 20_000 });
      expect(await own.ready()).toBe(true);
      const before = own.pids();
      const outcome = await own.runRules({ rules: [{ name: 'leak', script: 'function (user, context, callback) { callback(null, user, context); (function spin() { Promise.resolve().then(spin); })(); }' }], user, context });
      expect(outcome).toMatchObject({ ok: true });
      const next = await Promise.all(Array.from({ length: 4 }, () => own.runRules({ rules: [{ name: 'quick', script: 'function (u, c, cb) { cb(null, u, c); }' }], user, context })));
      expect(next.map((o) => o.ok)).toEqual([true, true, true, true]);
      expect(own.pids()).toHaveLength(1);
      expect(own.pids()).not.toEqual(before);
      await own.close();
    });

    it('forwards console output to onLog', async () => {
      await runner.runRules({ rules: [{ name: 'logs', script: 'function (user, context, callback) { console.log("hello from", context.clientName); callback(null, user, context); }' }], user, context });
      expect(logs).toContain('info:hello from App');
    });
  });

  it('runs 200 concurrent script calls, each answered once and correctly', async () => {
    const script = 'function (user, context, callback) { setTimeout(function () { context.idToken["https://x/n"] = user.n * 2; callback(null, user, context); }, 1); }';
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, n) => runner.runRules({ rules: [{ name: 'double', script }], user: { ...user, n }, context })));
    expect(outcomes.map((o) => (o.ok ? o.value.context['idToken'] : o.error))).toEqual(Array.from({ length: 200 }, (_, n) => ({ 'https://x/n': n * 2 })));
  });
});
