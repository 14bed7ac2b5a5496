import { ConfigurationError, type ConnectionConfig } from '@oauth-ro/core/ports';
import { ADAPTER_HARNESSES, createTestOAuthRo, startSlapd, TEST_CLIENTS, testConfig, type SlapdInstance } from '@oauth-ro/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLdapDirectory, type LdapDirectory } from './create-ldap-directory.js';

// Real OpenLDAP with the generic schema (inetOrgPerson, groupOfNames, memberOf overlay). Entries
// are readable by the service account and by each user for their own entry only, so a search that
// ran with a user's identity instead of the service account's would find nobody.
const SUFFIX = 'dc=example,dc=org';
const SVC = `cn=svc-auth,${SUFFIX}`;
const PASSWORD = 'Passw0rd-1!';
const ACL = `access to dn.base="" by * read
access to attrs=userPassword by self write by anonymous auth by * none
access to * by dn.exact="${SVC}" read by self read by * none`;

function person(uid: string, extra = ''): string {
  return `dn: uid=${uid},ou=people,${SUFFIX}
objectClass: inetOrgPerson
uid: ${uid}
cn: ${uid} Example
sn: Example
givenName: ${uid}
mail: ${uid.normalize('NFD').replace(/[^\x00-\x7f]/g, '')}@example.org
userPassword: ${PASSWORD}
${extra}
`;
}

const LDIF = `dn: ou=people,${SUFFIX}
objectClass: organizationalUnit
ou: people

dn: ou=groups,${SUFFIX}
objectClass: organizationalUnit
ou: groups

dn: ${SVC}
objectClass: organizationalRole
objectClass: simpleSecurityObject
cn: svc-auth
userPassword: svc-secret

${person('jdoe')}
${person('ann')}
${person('zoë')}
dn: cn=staff,ou=groups,${SUFFIX}
objectClass: groupOfNames
cn: staff
member: uid=jdoe,ou=people,${SUFFIX}
`;

let ldap: SlapdInstance;

/** The same 401 on the wire; only the audit log tells an unknown login name (`fu`) from a wrong password (`fp`). */
const WRONG_PASSWORD = { ok: false, error: { code: 'invalid_user_password' } };
const UNKNOWN_USER = { ok: false, error: { code: 'invalid_user_password', unknownUser: true } };

function connection(options: Record<string, unknown> = {}, name = 'ldap'): ConnectionConfig {
  return {
    name,
    strategy: 'ad',
    enabled_clients: [TEST_CLIENTS.rs256],
    options: {
      ldap_url: ldap.url,
      ldap_base: SUFFIX,
      ldap_bind_user: SVC,
      ldap_bind_password: 'svc-secret',
      ldap_user_by_name: '(uid={0})',
      ldap_timeout_ms: 1000,
      ldap_connect_timeout_ms: 1000,
      ...options,
    },
  };
}

async function login(directory: LdapDirectory, conn: ConnectionConfig, username: string, password = PASSWORD) {
  return directory.authenticate({ connection: conn, username, password, ip: '127.0.0.1' });
}

beforeAll(async () => {
  ldap = await startSlapd({ suffix: SUFFIX, ldif: LDIF, acl: ACL });
});

afterAll(async () => {
  await ldap?.close();
});

describe('OpenLDAP, search-then-bind', () => {
  let directory: LdapDirectory;
  let conn: ConnectionConfig;
  beforeAll(() => {
    directory = createLdapDirectory();
    conn = connection();
  });
  afterAll(() => directory.close());

  it('logs a user in with entryUUID as id and memberOf groups', async () => {
    const result = await login(directory, conn, 'jdoe');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(result.value).toMatchObject({
      email: 'jdoe@example.org',
      username: 'jdoe',
      profile: { name: 'jdoe Example', given_name: 'jdoe', family_name: 'Example', nickname: 'jdoe', groups: ['staff'] },
    });
  });

  it('finds UTF-8 login names exactly', async () => {
    expect((await login(directory, conn, 'zoë')).ok).toBe(true);
  });

  it('answers a wrong password and an unknown user alike, the unknown user marked for the audit log', async () => {
    const wrong = await login(directory, conn, 'jdoe', 'nope');
    const unknown = await login(directory, conn, 'nobody');
    expect(wrong).toEqual(WRONG_PASSWORD);
    expect(unknown).toEqual(UNKNOWN_USER);
    // An empty password is refused before any search, so the directory was not asked who exists.
    expect(await login(directory, conn, 'nobody', '')).toEqual(WRONG_PASSWORD);
  });

  it('refuses an empty password before opening any connection', async () => {
    const fresh = createLdapDirectory();
    expect(await login(fresh, conn, 'jdoe', '')).toEqual({ ok: false, error: { code: 'invalid_user_password' } });
    expect(fresh.stats()).toEqual({ ldap: { search: { open: 0, idle: 0, waiting: 0 }, bind: { open: 0, idle: 0, waiting: 0 } } });
    await fresh.close();
  });

  it.each(['*', 'jdo*', '*doe', 'jdoe*', '*)(uid=*', 'jdoe)(|(uid=*', ')(uid=jdoe', 'jdoe\0', 'jdoe\\00', '\\2a', 'j?oe'])(
    'injection attempt %j matches nobody',
    async (username) => {
      expect(await login(directory, conn, username)).toEqual(UNKNOWN_USER);
    },
  );

  it("user binds never leave a user's identity on the service account's connections", async () => {
    const single = createLdapDirectory();
    const conn1 = connection({ ldap_pool_size: 1 });
    // ann can read only her own entry: had the search run as ann, jdoe would not be found.
    expect((await login(single, conn1, 'ann')).ok).toBe(true);
    expect((await login(single, conn1, 'jdoe')).ok).toBe(true);
    expect((await login(single, conn1, 'ann', 'wrong')).ok).toBe(false);
    expect((await login(single, conn1, 'jdoe')).ok).toBe(true);
    await single.close();
  });

  it('never opens more connections than ldap_pool_size, however many logins run at once', async () => {
    const pooled = createLdapDirectory();
    const conn2 = connection({ ldap_pool_size: 2 });
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => login(pooled, conn2, i % 2 ? 'jdoe' : 'ann')));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(pooled.stats().ldap).toEqual({ search: { open: 2, idle: 2, waiting: 0 }, bind: { open: 2, idle: 2, waiting: 0 } });
    await pooled.close();
  });
});

describe('OpenLDAP, TLS', () => {
  const directory = createLdapDirectory();
  afterAll(() => directory.close());

  it('logs in over ldaps:// with the configured CA', async () => {
    const conn = connection({ ldap_url: ldap.ldapsUrl, ldap_tls_ca: ldap.ca }, 'ldaps');
    expect((await login(directory, conn, 'jdoe')).ok).toBe(true);
  });

  it('logs in over StartTLS with the configured CA and server name', async () => {
    const conn = connection({ ldap_url: ldap.url.replace('127.0.0.1', 'localhost'), ldap_starttls: true, ldap_tls_ca: ldap.ca }, 'starttls');
    expect((await login(directory, conn, 'jdoe')).ok).toBe(true);
    const named = connection({ ldap_starttls: true, ldap_tls_ca: [ldap.ca], ldap_tls_servername: 'localhost' }, 'starttls-named');
    expect((await login(directory, named, 'jdoe')).ok).toBe(true);
  });

  it('refuses a certificate it cannot verify: 503, never a plaintext fallback', async () => {
    const untrusted = connection({ ldap_url: ldap.ldapsUrl }, 'ldaps-untrusted');
    expect(await login(directory, untrusted, 'jdoe')).toMatchObject({ ok: false, error: { code: 'temporarily_unavailable' } });
    const wrongName = connection({ ldap_starttls: true, ldap_tls_ca: ldap.ca, ldap_tls_servername: 'dc.other.example' }, 'starttls-wrong-name');
    expect(await login(directory, wrongName, 'jdoe')).toEqual({
      ok: false,
      error: { code: 'temporarily_unavailable', description: 'connection starttls-wrong-name: the directory is unreachable', retryAfter: 5 },
    });
  });
});

describe('OpenLDAP, direct bind', () => {
  const directory = createLdapDirectory();
  afterAll(() => directory.close());
  const direct = () =>
    connection({ ldap_bind_user: undefined, ldap_bind_password: undefined, ldap_bind_mode: 'direct', ldap_user_bind_dn: `uid={0},ou=people,${SUFFIX}` }, 'direct');

  it('binds as the user and reads their own entry', async () => {
    const result = await login(directory, direct(), 'jdoe');
    expect(result).toMatchObject({ ok: true, value: { username: 'jdoe', profile: { groups: ['staff'] } } });
  });

  // Binding to a DN that has no entry fails exactly like a wrong password in OpenLDAP: nothing
  // tells an unknown user apart, so the audit log says `fp` for both.
  it('wrong password, unknown user and DN injection are all a wrong password', async () => {
    for (const username of ['nobody', 'jdoe,ou=people', '*', 'admin,dc=example,dc=org']) {
      expect(await login(directory, direct(), username)).toEqual({ ok: false, error: { code: 'invalid_user_password' } });
    }
    expect(await login(directory, direct(), 'jdoe', 'wrong')).toEqual({ ok: false, error: { code: 'invalid_user_password' } });
  });
});

describe('options are validated once, naming the path', () => {
  it('at creation, with the index of the connection', () => {
    const bad = { ...connection({ ldap_url: 'http://dc1' }), name: 'bad' };
    const other: ConnectionConfig = { name: 'db', strategy: 'auth0', enabled_clients: [], options: { ldap_url: 42 } };
    expect(() => createLdapDirectory({ connections: [other, bad] })).toThrow(
      new ConfigurationError('connections[1].options.ldap_url', 'must start with ldap:// or ldaps://'),
    );
  });

  it('on first use otherwise, with the name of the connection', async () => {
    const directory = createLdapDirectory();
    await expect(login(directory, connection({ ldap_pool_size: 1000 }, 'big'), 'jdoe')).rejects.toThrow(
      'connections["big"].options.ldap_pool_size: must be an integer from 1 to 64',
    );
  });
});

describe('OpenLDAP outages', () => {
  it('stopped directory: 503 within the timeout, then normal service after restart, same directory object', async () => {
    const logs: unknown[] = [];
    const logger = { info: () => {}, warn: (obj: unknown) => logs.push(obj), error: (obj: unknown) => logs.push(obj) };
    const directory = createLdapDirectory({ logger });
    const conn = connection({}, 'outage');
    expect((await login(directory, conn, 'jdoe')).ok).toBe(true);
    await ldap.stop();
    try {
      const started = Date.now();
      const down = await login(directory, conn, 'jdoe');
      expect(down).toMatchObject({ ok: false, error: { code: 'temporarily_unavailable', description: 'connection outage: the directory is unreachable' } });
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await ldap.start();
    }
    expect((await login(directory, conn, 'jdoe')).ok).toBe(true);
    expect((await login(directory, conn, 'ann', 'wrong')).ok).toBe(false);
    await directory.close();
    expect(logs).toContainEqual(expect.objectContaining({ event: 'ldap_error', connection: 'outage' }));
    expect(JSON.stringify(logs)).not.toMatch(/Passw0rd|svc-secret/);
  });

  it('hung directory (SIGSTOP): 503 within the operation timeout, no hang; recovers when it resumes', async () => {
    const directory = createLdapDirectory();
    const conn = connection({ ldap_timeout_ms: 500, ldap_connect_timeout_ms: 500 }, 'hung');
    expect((await login(directory, conn, 'jdoe')).ok).toBe(true);
    await ldap.pause();
    try {
      const started = Date.now();
      const results = await Promise.all([login(directory, conn, 'jdoe'), login(directory, conn, 'ann'), login(directory, conn, 'jdoe')]);
      for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: 'temporarily_unavailable' } });
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      ldap.resume();
    }
    expect((await login(directory, conn, 'jdoe')).ok).toBe(true);
    await directory.close();
  });
});

describe.each(ADAPTER_HARNESSES.map((h) => [h.name, h] as const))('POST /oauth/ro over %s with an OpenLDAP connection', (_, harness) => {
  it('issues tokens with sub ad|<connection>|<entryUUID>, and 401 for a wrong password', async () => {
    const ad = createLdapDirectory();
    const conn = connection();
    const { oauthRo } = await createTestOAuthRo({ config: testConfig({ connections: [conn] }), directories: { ad } });
    const app = await harness.mount(oauthRo);
    try {
      const body = { client_id: TEST_CLIENTS.rs256, connection: 'ldap', grant_type: 'password', username: 'jdoe', password: PASSWORD, scope: 'openid groups' };
      const ok = await app.dispatch({ method: 'POST', path: '/oauth/ro', json: body });
      expect(ok.status).toBe(200);
      const claims = JSON.parse(Buffer.from(ok.json.id_token.split('.')[1], 'base64url').toString());
      expect(claims.sub).toMatch(/^ad\|ldap\|[0-9a-f-]{36}$/);
      expect(claims.groups).toEqual(['staff']);
      const wrong = await app.dispatch({ method: 'POST', path: '/oauth/ro', form: { ...body, password: 'nope' } });
      expect({ status: wrong.status, body: wrong.json }).toEqual({
        status: 401,
        body: { error: 'invalid_user_password', error_description: 'Wrong email or password.' },
      });
    } finally {
      await app.close();
      await oauthRo.close();
    }
  });

  it('audits an unknown user as fu and a wrong password as fp, with the same 401', async () => {
    const ad = createLdapDirectory();
    const { oauthRo, audit } = await createTestOAuthRo({ config: testConfig({ connections: [connection()] }), directories: { ad } });
    const app = await harness.mount(oauthRo);
    try {
      const ro = (username: string, password: string) =>
        app.dispatch({ method: 'POST', path: '/oauth/ro', json: { client_id: TEST_CLIENTS.rs256, connection: 'ldap', grant_type: 'password', username, password } });
      const wrong = await ro('ann', 'nope');
      const unknown = await ro('nobody', 'nope');
      const expected = { status: 401, body: { error: 'invalid_user_password', error_description: 'Wrong email or password.' } };
      expect({ status: wrong.status, body: wrong.json }).toEqual(expected);
      expect({ status: unknown.status, body: unknown.json }).toEqual(expected);
      expect(audit.about('ann').map((e) => e.type)).toEqual(['fp']);
      expect(audit.about('nobody')).toEqual([
        expect.objectContaining({ type: 'fu', connection: 'ldap', strategy: 'ad', description: 'Wrong email or password.', details: { error: 'invalid_user_password' } }),
      ]);
    } finally {
      await app.close();
      await oauthRo.close();
    }
  });
});
