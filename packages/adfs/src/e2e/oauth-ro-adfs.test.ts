import {
  ADAPTER_HARNESSES,
  closedPort,
  createTestOAuthRo,
  startFakeAdfs,
  TEST_CLIENTS,
  testConfig,
  type CapturingAuditSink,
  type FakeAdfs,
  type FakeAdfsFaults,
  type MountedApp,
} from '@oauth-ro/test-kit';
import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAdfsDirectory } from '../create-adfs-directory.js';

const PASSWORD = 'Adfs-Pa55<&>"';
let adfs: FakeAdfs;
let downPort: number;

beforeAll(async () => {
  adfs = await startFakeAdfs({
    relyingParties: ['urn:auth0:example:fabrikam', 'urn:auth0:example:fabrikam-md'],
    users: [{ username: 'jdoe@fabrikam.test', password: PASSWORD, upn: 'jdoe@fabrikam.test', email: 'john.doe@fabrikam.test', name: 'John Doe', groups: ['Sales'] }],
  });
  downPort = await closedPort();
});
afterAll(() => adfs.close());
afterEach(() => adfs.reset());

function config() {
  const connection = (name: string, options: Record<string, unknown>) => ({ name, strategy: 'adfs', enabled_clients: [TEST_CLIENTS.rs256], options });
  return testConfig({
    connections: [
      // The realm comes from the tenant passed to createAdfsDirectory: urn:auth0:example:{connection}.
      connection('fabrikam', { adfs_server: adfs.url, thumbprints: [adfs.signing().thumbprint], token_type: 'saml2' }),
      connection('fabrikam-md', { adfs_server: adfs.url }),
      connection('fabrikam-down', { adfs_server: `http://127.0.0.1:${downPort}`, thumbprints: [adfs.signing().thumbprint] }),
    ],
  });
}

for (const harness of ADAPTER_HARNESSES) {
  describe(`POST /oauth/ro, adfs connection, over ${harness.name}`, () => {
    let app: MountedApp;
    let audit: CapturingAuditSink;
    let close: () => Promise<void>;

    beforeAll(async () => {
      const created = await createTestOAuthRo({ config: config(), directories: { adfs: createAdfsDirectory({ tenant: 'example' }) } });
      const { oauthRo } = created;
      audit = created.audit;
      app = await harness.mount(oauthRo);
      close = async () => {
        await app.close();
        await oauthRo.close();
      };
    });
    afterAll(() => close());

    const ro = (connection: string, username: string, password: string, scope?: string) =>
      app.dispatch({
        method: 'POST',
        path: '/oauth/ro',
        json: { client_id: TEST_CLIENTS.rs256, connection, grant_type: 'password', username, password, ...(scope ? { scope } : {}) },
      });

    it.each(['fabrikam', 'fabrikam-md'])('logs a user in through %s and carries the claims into the id_token', async (connection) => {
      const res = await ro(connection, 'jdoe@fabrikam.test', PASSWORD, 'openid profile');
      expect(res.status).toBe(200);
      expect(decodeJwt(res.json.id_token)).toMatchObject({
        sub: 'adfs|jdoe@fabrikam.test',
        email: 'john.doe@fabrikam.test',
        name: 'John Doe',
        upn: 'jdoe@fabrikam.test',
        groups: ['Sales'],
      });
    });

    it('answers 401 invalid_user_password for the fault ADFS sends on bad credentials', async () => {
      const res = await ro('fabrikam', 'jdoe@fabrikam.test', 'wrong');
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: 'invalid_user_password', error_description: 'Wrong email or password.' });
    });

    it('audits an unknown user as fp like a wrong password: the ID3242 fault does not tell them apart', async () => {
      const before = audit.about('jdoe@fabrikam.test').length;
      const wrong = await ro('fabrikam', 'jdoe@fabrikam.test', 'wrong');
      const unknown = await ro('fabrikam', 'ghost@fabrikam.test', 'wrong');
      expect({ status: unknown.status, body: unknown.json }).toEqual({ status: wrong.status, body: wrong.json });
      expect(audit.about('jdoe@fabrikam.test').slice(before).map((e) => e.type)).toEqual(['fp']);
      expect(audit.about('ghost@fabrikam.test').map((e) => e.type)).toEqual(['fp']);
    });

    it.each<[string, FakeAdfsFaults, string]>([
      ['tampered', { tamper: true }, 'the signature does not verify'],
      ['wrapped in an evil assertion', { wrap: 'nested' }, 'the signature does not cover exactly this assertion'],
      ['unsigned, beside a signed one', { wrap: 'sibling' }, 'RequestedSecurityToken holds 2 elements, not one'],
      ['expired', { expired: true }, 'the assertion has expired'],
      ['for another audience', { audience: 'urn:other' }, 'the assertion is for another audience'],
      ['signed by an unknown key', { unknownSigner: true }, 'the signing certificate is not in thumbprints'],
    ])('refuses an assertion that is %s', async (_case, faults, reason) => {
      adfs.setFaults(faults);
      const res = await ro('fabrikam', 'jdoe@fabrikam.test', PASSWORD);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: 'unauthorized', error_description: `the ADFS response for connection fabrikam was rejected: ${reason}` });
    });

    it('answers 503 naming the connection when ADFS is unreachable', async () => {
      const res = await ro('fabrikam-down', 'jdoe@fabrikam.test', PASSWORD);
      expect(res.status).toBe(503);
      expect(res.json).toEqual({ error: 'temporarily_unavailable', error_description: 'the ADFS server of connection fabrikam-down is unreachable' });
    });
  });
}
