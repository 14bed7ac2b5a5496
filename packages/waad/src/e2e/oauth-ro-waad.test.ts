import {
  ADAPTER_HARNESSES,
  closedPort,
  createTestOAuthRo,
  startFakeEntraId,
  TEST_CLIENTS,
  testConfig,
  type CapturingAuditSink,
  type FakeEntraFaults,
  type FakeEntraId,
  type MountedApp,
} from '@oauth-ro/test-kit';
import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWaadDirectory } from '../create-waad-directory.js';

const OID = '7c1e0c0f-5b0e-4f7e-9a51-2b1d3c4e5f60';
const PASSWORD = 'Entra-Pa55&<word>';
let entra: FakeEntraId;
let downPort: number;

beforeAll(async () => {
  entra = await startFakeEntraId({
    clientSecret: 'e2e-secret',
    users: [
      { username: 'jdoe@contoso.test', password: PASSWORD, oid: OID, name: 'Jane Doe', email: 'jane@contoso.test', groups: ['sales', 'admins'] },
      { username: 'disabled@contoso.test', password: PASSWORD, condition: 50057 },
      { username: 'locked@contoso.test', password: PASSWORD, condition: 50053 },
      { username: 'expired@contoso.test', password: PASSWORD, condition: 50055 },
      { username: 'mfa@contoso.test', password: PASSWORD, condition: 50076 },
      { username: 'enroll@contoso.test', password: PASSWORD, condition: 50079 },
    ],
  });
  downPort = await closedPort();
});
afterAll(() => entra.close());
afterEach(() => entra.reset());

function config() {
  const options = { tenant_domain: entra.tenantDomain, client_id: entra.clientId, client_secret: 'e2e-secret', authority: entra.authority };
  return testConfig({
    connections: [
      { name: 'contoso', strategy: 'waad', enabled_clients: [TEST_CLIENTS.rs256], options },
      { name: 'contoso-down', strategy: 'waad', enabled_clients: [TEST_CLIENTS.rs256], options: { ...options, authority: `http://127.0.0.1:${downPort}` } },
    ],
  });
}

for (const harness of ADAPTER_HARNESSES) {
  describe(`POST /oauth/ro, waad connection, over ${harness.name}`, () => {
    let app: MountedApp;
    let audit: CapturingAuditSink;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const created = await createTestOAuthRo({ config: config(), directories: { waad: createWaadDirectory() } });
      const { oauthRo } = created;
      audit = created.audit;
      app = await harness.mount(oauthRo);
      close = async () => {
        await app.close();
        await oauthRo.close();
      };
    });
    afterAll(() => close());

    const ro = (username: string, password: string, extra: Record<string, string> = {}) =>
      app.dispatch({
        method: 'POST',
        path: '/oauth/ro',
        form: { client_id: TEST_CLIENTS.rs256, connection: 'contoso', grant_type: 'password', username, password, ...extra },
      });

    it('logs a user in and carries the Entra ID profile into the id_token', async () => {
      const res = await ro('jdoe@contoso.test', PASSWORD, { scope: 'openid profile' });
      expect(res.status).toBe(200);
      expect(res.json.token_type).toBe('bearer');
      const claims = decodeJwt(res.json.id_token);
      expect(claims).toMatchObject({ sub: `waad|${OID}`, email: 'jane@contoso.test', name: 'Jane Doe', upn: 'jdoe@contoso.test', groups: ['sales', 'admins'] });
      const info = await app.dispatch({ method: 'POST', path: '/tokeninfo', json: { id_token: res.json.id_token } });
      expect(info.json).toMatchObject({ user_id: `waad|${OID}`, identities: [{ provider: 'waad', connection: 'contoso', user_id: OID }] });
    });

    it.each([
      ['a wrong password', 'jdoe@contoso.test', 'wrong', 401, 'invalid_user_password', 'Wrong email or password.', 'fp'],
      ['an unknown user (AADSTS50034)', 'ghost@contoso.test', PASSWORD, 401, 'invalid_user_password', 'Wrong email or password.', 'fu'],
      ['a disabled account', 'disabled@contoso.test', PASSWORD, 401, 'unauthorized', 'user account is disabled', 'f'],
      ['a locked account', 'locked@contoso.test', PASSWORD, 401, 'unauthorized', 'user account is locked', 'f'],
      ['an expired password', 'expired@contoso.test', PASSWORD, 401, 'unauthorized', 'password has expired', 'f'],
      ['MFA required', 'mfa@contoso.test', PASSWORD, 401, 'unauthorized', 'multi-factor authentication is required', 'f'],
      ['MFA enrollment required', 'enroll@contoso.test', PASSWORD, 401, 'unauthorized', 'multi-factor authentication enrollment is required', 'f'],
    ])('answers %s as the contract says, with its audit event type', async (_case, username, password, status, error, description, type) => {
      const before = audit.about(username).length;
      const res = await ro(username, password);
      expect(res.status).toBe(status);
      expect(res.json).toEqual({ error, error_description: description });
      expect(audit.about(username).slice(before)).toEqual([
        expect.objectContaining({ type, connection: 'contoso', strategy: 'waad', details: { error } }),
      ]);
    });

    it.each<[string, FakeEntraFaults, string]>([
      ['tampered', { tamper: true }, 'the signature does not verify'],
      ['signed by an unknown key', { unpublishedKey: true }, 'signed by a key the tenant does not publish'],
      ['expired', { expiresIn: -600 }, 'the id_token has expired'],
      ['for another audience', { audience: 'another-app' }, 'claim aud is not as expected'],
    ])('refuses an id_token that is %s', async (_case, faults, reason) => {
      entra.setFaults(faults);
      const res = await ro('jdoe@contoso.test', PASSWORD);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: 'unauthorized', error_description: `the id_token from the Azure AD tenant of connection contoso was rejected: ${reason}` });
    });

    it('answers 503 naming the connection when Entra ID fails (5xx)', async () => {
      entra.setFaults({ tokenStatus: 503 });
      const res = await ro('jdoe@contoso.test', PASSWORD);
      expect(res.status).toBe(503);
      expect(res.json).toEqual({ error: 'temporarily_unavailable', error_description: 'the Azure AD tenant of connection contoso is unreachable' });
    });

    it('answers 503 naming the connection when Entra ID is unreachable', async () => {
      const res = await app.dispatch({
        method: 'POST',
        path: '/oauth/ro',
        json: { client_id: TEST_CLIENTS.rs256, connection: 'contoso-down', grant_type: 'password', username: 'jdoe@contoso.test', password: PASSWORD },
      });
      expect(res.status).toBe(503);
      expect(res.json).toEqual({ error: 'temporarily_unavailable', error_description: 'the Azure AD tenant of connection contoso-down is unreachable' });
    });
  });
}
