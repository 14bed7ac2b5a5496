import { ConfigurationError, type ConnectionConfig, type DirectoryLogin } from '@oauth-ro/core/ports';
import { closedPort, startFakeEntraId, type FakeEntraId } from '@oauth-ro/test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWaadDirectory } from './create-waad-directory.js';

let entra: FakeEntraId;
let connection: ConnectionConfig;

const USERS = [
  { username: 'jdoe@contoso.test', password: 'Corr3ct&<pass>"', name: 'Jane Doe', email: 'jane@contoso.test', groups: ['sales'], oid: '0d6a3c7e-1111-4b8e-9c1a-5d8f4c3b2a10' },
  { username: 'disabled@contoso.test', password: 'pw', condition: 50057 as const },
  { username: 'locked@contoso.test', password: 'pw', condition: 50053 as const },
  { username: 'expired@contoso.test', password: 'pw', condition: 50055 as const },
  { username: 'mfa@contoso.test', password: 'pw', condition: 50076 as const },
  { username: 'enroll@contoso.test', password: 'pw', condition: 50079 as const },
];

beforeAll(async () => {
  entra = await startFakeEntraId({ clientSecret: 'app-secret-value', users: USERS });
  connection = {
    name: 'contoso',
    strategy: 'waad',
    enabled_clients: [],
    options: { tenant_domain: entra.tenantDomain, client_id: entra.clientId, client_secret: 'app-secret-value', authority: entra.authority },
  };
});
afterAll(() => entra.close());
afterEach(() => entra.reset());

const login = (username: string, password: string, conn = connection): DirectoryLogin => ({ connection: conn, username, password, ip: '127.0.0.1' });

describe('createWaadDirectory against a fake Entra ID', () => {
  const waad = createWaadDirectory();

  it('sends a resource-owner password grant and maps the verified id_token', async () => {
    const result = await waad.authenticate(login('jdoe@contoso.test', 'Corr3ct&<pass>"'));
    expect(result).toEqual({
      ok: true,
      value: {
        id: '0d6a3c7e-1111-4b8e-9c1a-5d8f4c3b2a10',
        email: 'jane@contoso.test',
        username: 'jdoe@contoso.test',
        profile: { name: 'Jane Doe', upn: 'jdoe@contoso.test', oid: '0d6a3c7e-1111-4b8e-9c1a-5d8f4c3b2a10', tenantid: entra.tenantId, groups: ['sales'] },
      },
    });
    const form = Object.fromEntries(entra.lastTokenForm()!);
    expect(form).toEqual({
      grant_type: 'password',
      client_id: entra.clientId,
      client_secret: 'app-secret-value',
      scope: 'openid profile email',
      username: 'jdoe@contoso.test',
      password: 'Corr3ct&<pass>"',
    });
  });

  it.each([
    ['a wrong password (AADSTS50126)', 'jdoe@contoso.test', 'wrong', 'invalid_user_password', undefined],
    ['a disabled account (AADSTS50057)', 'disabled@contoso.test', 'pw', 'unauthorized', 'user account is disabled'],
    ['a locked account (AADSTS50053)', 'locked@contoso.test', 'pw', 'unauthorized', 'user account is locked'],
    ['an expired password (AADSTS50055)', 'expired@contoso.test', 'pw', 'unauthorized', 'password has expired'],
    ['MFA required (AADSTS50076)', 'mfa@contoso.test', 'pw', 'unauthorized', 'multi-factor authentication is required'],
    ['MFA enrollment required (AADSTS50079)', 'enroll@contoso.test', 'pw', 'unauthorized', 'multi-factor authentication enrollment is required'],
  ])('maps %s', async (_case, username, password, code, description) => {
    const result = await waad.authenticate(login(username, password));
    expect(result).toEqual({ ok: false, error: { code, ...(description ? { description } : {}) } });
  });

  it('maps an unknown user (AADSTS50034) to a wrong password marked unknownUser (audit fu)', async () => {
    expect(await waad.authenticate(login('nobody@contoso.test', 'pw'))).toEqual({ ok: false, error: { code: 'invalid_user_password', unknownUser: true } });
  });

  it('treats a refused client secret as the connection’s problem (503 naming it and the code)', async () => {
    const wrong = { ...connection, options: { ...connection.options, client_secret: 'not-it' } };
    const result = await waad.authenticate(login('jdoe@contoso.test', 'Corr3ct&<pass>"', wrong));
    expect(result).toEqual({ ok: false, error: { code: 'temporarily_unavailable', description: 'the Azure AD tenant of connection contoso refused the login (AADSTS7000215)' } });
  });

  it.each([500, 502, 503] as const)('answers temporarily_unavailable naming the connection when the token endpoint says %i', async (status) => {
    entra.setFaults({ tokenStatus: status });
    const result = await waad.authenticate(login('jdoe@contoso.test', 'Corr3ct&<pass>"'));
    expect(result).toEqual({ ok: false, error: { code: 'temporarily_unavailable', description: 'the Azure AD tenant of connection contoso is unreachable' } });
  });

  it('passes Entra ID’s Retry-After on throttling', async () => {
    entra.setFaults({ tokenStatus: 429 });
    const result = await waad.authenticate(login('jdoe@contoso.test', 'Corr3ct&<pass>"'));
    expect(result.ok || result.error).toMatchObject({ code: 'temporarily_unavailable', retryAfter: 7 });
  });

  it.each([
    ['tampered', { tamper: true }, 'the signature does not verify'],
    ['signed by an unknown key', { unpublishedKey: true }, 'signed by a key the tenant does not publish'],
    ['for another audience', { audience: 'someone-else' }, 'claim aud is not as expected'],
    ['from another issuer', { issuer: 'https://login.microsoftonline.com/evil/v2.0' }, 'claim iss is not as expected'],
    ['expired', { expiresIn: -600 }, 'the id_token has expired'],
  ])('rejects an id_token that is %s', async (_case, faults, reason) => {
    entra.setFaults(faults);
    const result = await waad.authenticate(login('jdoe@contoso.test', 'Corr3ct&<pass>"'));
    expect(result).toEqual({
      ok: false,
      error: { code: 'unauthorized', description: `the id_token from the Azure AD tenant of connection contoso was rejected: ${reason}` },
    });
  });
});

describe('reachability', () => {
  it('answers temporarily_unavailable when nothing listens at the authority', async () => {
    const port = await closedPort();
    const down = { ...connection, options: { ...connection.options, authority: `http://127.0.0.1:${port}` } };
    const result = await createWaadDirectory().authenticate(login('jdoe@contoso.test', 'x', down));
    expect(result).toEqual({ ok: false, error: { code: 'temporarily_unavailable', description: 'the Azure AD tenant of connection contoso is unreachable' } });
  });

  it('gives up after timeoutMs', async () => {
    entra.setFaults({ tokenDelayMs: 2_000 });
    const started = Date.now();
    const result = await createWaadDirectory({ timeoutMs: 200 }).authenticate(login('jdoe@contoso.test', 'Corr3ct&<pass>"'));
    expect(result.ok || result.error.code).toBe('temporarily_unavailable');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('answers temporarily_unavailable when discovery or the JWKS fail on a cold cache', async () => {
    const unreachable = { ok: false, error: { code: 'temporarily_unavailable', description: 'the Azure AD tenant of connection contoso is unreachable' } };
    entra.setFaults({ discoveryDown: true });
    expect(await createWaadDirectory().authenticate(login('jdoe@contoso.test', 'Corr3ct&<pass>"'))).toEqual(unreachable);
    entra.setFaults({ jwksDown: true });
    expect(await createWaadDirectory().authenticate(login('jdoe@contoso.test', 'Corr3ct&<pass>"'))).toEqual(unreachable);
  });
});

describe('tenant keys', () => {
  it('fetches discovery and the JWKS once, then reuses them', async () => {
    const waad = createWaadDirectory();
    const before = { ...entra.requests };
    for (let i = 0; i < 3; i += 1) expect((await waad.authenticate(login('jdoe@contoso.test', 'Corr3ct&<pass>"'))).ok).toBe(true);
    expect(entra.requests.discovery - before.discovery).toBe(1);
    expect(entra.requests.jwks - before.jwks).toBe(1);
  });

  it('refetches the JWKS when a new kid appears (key rollover)', async () => {
    const waad = createWaadDirectory({ jwksCooldownMs: 0 });
    expect((await waad.authenticate(login('jdoe@contoso.test', 'Corr3ct&<pass>"'))).ok).toBe(true);
    const before = entra.requests.jwks;
    await entra.rotateKey();
    expect((await waad.authenticate(login('jdoe@contoso.test', 'Corr3ct&<pass>"'))).ok).toBe(true);
    expect(entra.requests.jwks - before).toBe(1);
  });

  it('refetches for unknown kids at most once per cooldown', async () => {
    const waad = createWaadDirectory({ jwksCooldownMs: 60_000 });
    const before = entra.requests.jwks;
    entra.setFaults({ unpublishedKey: true });
    for (let i = 0; i < 3; i += 1) expect((await waad.authenticate(login('jdoe@contoso.test', 'Corr3ct&<pass>"'))).ok).toBe(false);
    expect(entra.requests.jwks - before).toBe(1);
  });
});

describe('options', () => {
  it('validates a connection once and names the option path', () => {
    const waad = createWaadDirectory();
    const bad = { ...connection, options: { tenant_domain: entra.tenantDomain } };
    expect(() => waad.validate(bad, 'connections[5]')).toThrow(new ConfigurationError('connections[5].options.client_id', 'is required (the application id registered in Entra ID)'));
    expect(() => waad.validate(connection, 'connections[5]')).not.toThrow();
  });

  it('throws ConfigurationError (not a login failure) on a misconfigured connection', async () => {
    const bad = { ...connection, options: { client_id: 'x' } };
    await expect(createWaadDirectory().authenticate(login('a', 'b', bad))).rejects.toThrow(/connections\[contoso\]\.options\.tenant_domain/);
  });

  it('refuses out-of-range tuning', () => {
    expect(() => createWaadDirectory({ clockToleranceSeconds: 3600 })).toThrow(RangeError);
  });
});
