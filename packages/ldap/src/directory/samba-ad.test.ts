import type { ConnectionConfig } from '@oauth-ro/core/ports';
import { ADAPTER_HARNESSES, createTestOAuthRo, startSambaAd, TEST_CLIENTS, testConfig, unicodePwd, type CapturingAuditSink, type SambaAdInstance } from '@oauth-ro/test-kit';
import { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatGuid } from '../profile/format-id.js';
import { createLdapDirectory, type LdapDirectory } from './create-ldap-directory.js';

// A real Samba AD domain controller, one per file (provisioning takes ~10 s), with a user in each
// account state AD reports on bind.
const PASSWORD = 'Passw0rd-1!';
const NORMAL = 512;
const DONT_EXPIRE_PASSWORD = 0x10000;
let dc: SambaAdInstance;

function user(cn: string, extra: string[] = [], uac = NORMAL): string {
  return [
    `dn: CN=${cn},${dc.usersDn}`,
    'objectClass: user',
    `sAMAccountName: ${cn}`,
    `userPrincipalName: ${cn}@${dc.realm.toLowerCase()}`,
    `unicodePwd:: ${unicodePwd(PASSWORD)}`,
    `userAccountControl: ${uac}`,
    ...extra,
    '',
  ].join('\n');
}

function pso(cn: string, appliesTo: string, settings: { maxAge: string; lockout: number }): string {
  return [
    `dn: CN=${cn},CN=Password Settings Container,CN=System,${dc.baseDn}`,
    'objectClass: msDS-PasswordSettings',
    'msDS-PasswordSettingsPrecedence: 1',
    'msDS-PasswordReversibleEncryptionEnabled: FALSE',
    'msDS-PasswordHistoryLength: 0',
    'msDS-PasswordComplexityEnabled: FALSE',
    'msDS-MinimumPasswordLength: 0',
    'msDS-MinimumPasswordAge: 0',
    `msDS-MaximumPasswordAge: ${settings.maxAge}`,
    `msDS-LockoutThreshold: ${settings.lockout}`,
    'msDS-LockoutObservationWindow: -18000000000',
    'msDS-LockoutDuration: -18000000000',
    `msDS-PSOAppliesTo: CN=${appliesTo},${dc.usersDn}`,
    '',
  ].join('\n');
}

function group(cn: string, members: string[]): string {
  return [`dn: CN=${cn},${dc.usersDn}`, 'objectClass: group', `sAMAccountName: ${cn}`, ...members.map((m) => `member: CN=${m},${dc.usersDn}`), ''].join('\n');
}

beforeAll(async () => {
  dc = await startSambaAd();
  const NEVER = '-9223372036854775808';
  await dc.modify(
    [
      user('svc-auth', [], NORMAL | DONT_EXPIRE_PASSWORD),
      user('jdoe', ['givenName: John', 'sn: Doe', 'displayName: John Doe', `mail: John.Doe@${dc.realm.toLowerCase()}`]),
      user('ann'),
      user('disabled'),
      user('expired', ['accountExpires: 116444736000000000']),
      user('mustchange', ['pwdLastSet: 0']),
      user('pwexpired'),
      user('locked'),
      user('offhours', ['logonHours:: AAAAAAAAAAAAAAAAAAAAAAAAAAAA']),
      user('elsewhere', ['userWorkstations: OTHERPC']),
      group('Engineering', ['jdoe']),
      group('Staff', ['Engineering']),
      group('AllHands', ['Staff']),
      pso('lock-after-two', 'locked', { maxAge: NEVER, lockout: 2 }),
      // Samba treats a maximum age of a day or less as "never", so expire after two days and age the password by three.
      pso('expire-after-two-days', 'pwexpired', { maxAge: '-1728000000000', lockout: 0 }),
    ].join('\n'),
  );
  await dc.sambaTool(['user', 'disable', 'disabled']);
  await dc.agePassword(`CN=pwexpired,${dc.usersDn}`, 3);
  // Two wrong passwords lock "locked" (its password settings object has a threshold of 2).
  const client = new Client({ url: dc.url });
  for (let i = 0; i < 2; i++) await expect(client.bind(`CN=locked,${dc.usersDn}`, 'wrong')).rejects.toThrow(/data 52e/);
  await client.unbind();
});

afterAll(async () => {
  await dc?.close();
});

function connection(options: Record<string, unknown> = {}, name = 'corp'): ConnectionConfig {
  return {
    name,
    strategy: 'ad',
    enabled_clients: [TEST_CLIENTS.rs256],
    options: {
      ldap_url: dc.url,
      ldap_base: dc.baseDn,
      ldap_bind_user: `CN=svc-auth,${dc.usersDn}`,
      ldap_bind_password: PASSWORD,
      ldap_user_by_name: '(sAMAccountName={0})',
      ldap_domain: dc.domain,
      ldap_timeout_ms: 2000,
      ldap_connect_timeout_ms: 2000,
      ...options,
    },
  };
}

function login(directory: LdapDirectory, conn: ConnectionConfig, username: string, password = PASSWORD) {
  return directory.authenticate({ connection: conn, username, password, ip: '127.0.0.1' });
}

/** Every bind outcome Samba produces, as the contract words it (docs/spec.md §3), and its audit event type. */
const CASES: ReadonlyArray<readonly [string, string, number, string, string, string]> = [
  ['wrong password', 'jdoe', 401, 'invalid_user_password', 'Wrong email or password.', 'fp'],
  ['unknown user', 'nobody', 401, 'invalid_user_password', 'Wrong email or password.', 'fu'],
  ['disabled (533)', 'disabled', 401, 'unauthorized', 'account is disabled', 'f'],
  ['account expired (701)', 'expired', 401, 'unauthorized', 'account has expired', 'f'],
  ['must change password (773)', 'mustchange', 401, 'unauthorized', 'password must be changed before logging on', 'f'],
  ['password expired (532)', 'pwexpired', 401, 'unauthorized', 'password has expired', 'f'],
  ['outside logon hours (530)', 'offhours', 401, 'unauthorized', 'logon is not permitted at this time', 'f'],
  ['other workstation only (531)', 'elsewhere', 401, 'unauthorized', 'logon is not permitted from this workstation', 'f'],
  ['locked (775)', 'locked', 401, 'unauthorized', 'account is locked', 'f'],
];

/** The directory's answer for a login name no entry matches: a wrong password, marked for the audit log. */
const UNKNOWN_USER = { ok: false, error: { code: 'invalid_user_password', unknownUser: true } };

describe('Samba AD, search-then-bind', () => {
  let directory: LdapDirectory;
  const conn = () => connection();
  beforeAll(() => {
    directory = createLdapDirectory();
  });
  afterAll(() => directory.close());

  it('logs jdoe in with the objectGUID as id and the AD profile', async () => {
    const result = await login(directory, conn(), 'jdoe');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const admin = new Client({ url: dc.url });
    await admin.bind(dc.adminUpn, dc.adminPassword);
    const { searchEntries } = await admin.search(dc.baseDn, { filter: '(sAMAccountName=jdoe)', attributes: ['objectGUID'], explicitBufferAttributes: ['objectGUID'] });
    await admin.unbind();
    expect(result.value.id).toBe(formatGuid(searchEntries[0]?.objectGUID as Buffer));
    expect(result.value).toMatchObject({
      email: 'John.Doe@corp.example.test',
      username: 'jdoe',
      profile: {
        name: 'John Doe',
        given_name: 'John',
        family_name: 'Doe',
        nickname: 'jdoe',
        upn: 'jdoe@corp.example.test',
        groups: ['Engineering'],
      },
    });
  });

  it('accepts sAMAccountName, user@upn and DOMAIN\\user with the default filter, and refuses another domain', async () => {
    const byDefault = connection({ ldap_user_by_name: undefined });
    for (const username of ['jdoe', 'jdoe@corp.example.test', 'CORP\\jdoe', 'corp\\jdoe']) {
      expect((await login(directory, byDefault, username)).ok, username).toBe(true);
    }
    expect(await login(directory, byDefault, 'OTHER\\jdoe')).toEqual(UNKNOWN_USER);
  });

  it('resolves nested groups with the matching rule in chain when ldap_nested_groups is on', async () => {
    const result = await login(directory, connection({ ldap_nested_groups: true }, 'corp-nested'), 'jdoe');
    expect(result).toMatchObject({ ok: true, value: { profile: { groups: ['AllHands', 'Engineering', 'Staff'] } } });
  });

  it.each(CASES)('%s', async (_, username, __, code, description, type) => {
    const result = await login(directory, conn(), username, username === 'jdoe' ? 'wrong' : PASSWORD);
    const error = code === 'unauthorized' ? { code, description } : type === 'fu' ? { code, unknownUser: true } : { code };
    expect(result).toEqual({ ok: false, error });
  });

  it('an unknown user takes about as long as a wrong password (AD writes badPwdCount only for the latter)', async () => {
    const timed = async (username: string) => {
      const started = performance.now();
      expect((await login(directory, conn(), username, 'wrong')).ok).toBe(false);
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 7; i++) {
      wrong.push(await timed('ann'));
      unknown.push(await timed(`nobody${i}`));
    }
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.6);
  });

  it.each(['*', 'jdo*', '*)(sAMAccountName=*', 'jdoe)(|(objectClass=*', 'jdoe\0', '\\00', 'CORP\\*'])('injection attempt %j matches nobody', async (username) => {
    expect(await login(directory, conn(), username)).toEqual(UNKNOWN_USER);
  });

  it('logs in over ldaps:// with the configured CA and server name', async () => {
    const tls = connection({ ldap_url: dc.ldapsUrl, ldap_tls_ca: dc.ca, ldap_tls_servername: dc.tlsServername }, 'corp-ldaps');
    expect((await login(directory, tls, 'jdoe')).ok).toBe(true);
    const untrusted = connection({ ldap_url: dc.ldapsUrl, ldap_tls_servername: dc.tlsServername }, 'corp-ldaps-untrusted');
    expect(await login(directory, untrusted, 'jdoe')).toMatchObject({ ok: false, error: { code: 'temporarily_unavailable' } });
  });

  it('direct bind without a service account, with the login as typed', async () => {
    const direct = connection({ ldap_bind_user: undefined, ldap_bind_password: undefined, ldap_user_bind_dn: '{0}', ldap_user_by_name: undefined }, 'corp-direct');
    for (const username of ['jdoe@corp.example.test', 'CORP\\jdoe']) {
      expect(await login(directory, direct, username), username).toMatchObject({ ok: true, value: { username: 'jdoe', profile: { groups: ['Engineering'] } } });
    }
    expect(await login(directory, direct, 'CORP\\jdoe', 'wrong')).toEqual({ ok: false, error: { code: 'invalid_user_password' } });
    expect(await login(directory, direct, 'CORP\\disabled')).toEqual({ ok: false, error: { code: 'unauthorized', description: 'account is disabled' } });
  });
});

describe.each(ADAPTER_HARNESSES.map((h) => [h.name, h] as const))('POST /oauth/ro over %s with a Samba AD connection', (_, harness) => {
  let ad: LdapDirectory;
  let dispatch: Awaited<ReturnType<typeof harness.mount>>['dispatch'];
  let audit: CapturingAuditSink;
  let closeAll: () => Promise<void>;
  beforeAll(async () => {
    ad = createLdapDirectory();
    const created = await createTestOAuthRo({ config: testConfig({ connections: [connection()] }), directories: { ad } });
    const { oauthRo } = created;
    audit = created.audit;
    const app = await harness.mount(oauthRo);
    dispatch = app.dispatch;
    closeAll = async () => {
      await app.close();
      await oauthRo.close();
    };
  });
  afterAll(() => closeAll());

  const ro = (username: string, password: string) =>
    dispatch({
      method: 'POST',
      path: '/oauth/ro',
      json: { client_id: TEST_CLIENTS.rs256, connection: 'corp', grant_type: 'password', username, password, scope: 'openid upn groups' },
    });

  it('issues tokens with sub ad|corp|<objectGUID>', async () => {
    const res = await ro('CORP\\jdoe', PASSWORD);
    expect(res.status).toBe(200);
    const claims = JSON.parse(Buffer.from(res.json.id_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: expect.stringMatching(/^ad\|corp\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/), upn: 'jdoe@corp.example.test', groups: ['Engineering'] });
  });

  it.each(CASES)('%s (%s) → %i %s: %s, audited %s', async (_, username, status, error, description, type) => {
    const before = audit.about(username).length;
    const res = await ro(username, username === 'jdoe' ? 'wrong' : PASSWORD);
    expect({ status: res.status, body: res.json }).toEqual({ status, body: { error, error_description: description } });
    expect(audit.about(username).slice(before).map((e) => e.type)).toEqual([type]);
  });
});

describe('Samba AD outage', () => {
  it('stopped DC: 503 naming the connection within the timeout; logins work again after restart, same directory object', async () => {
    const directory = createLdapDirectory();
    const { oauthRo } = await createTestOAuthRo({ config: testConfig({ connections: [connection({}, 'corp-outage')] }), directories: { ad: directory } });
    const app = await ADAPTER_HARNESSES[0]!.mount(oauthRo);
    const ro = () =>
      app.dispatch({
        method: 'POST',
        path: '/oauth/ro',
        json: { client_id: TEST_CLIENTS.rs256, connection: 'corp-outage', grant_type: 'password', username: 'jdoe', password: PASSWORD },
      });
    try {
      expect((await ro()).status).toBe(200);
      await dc.stop();
      try {
        const started = Date.now();
        const down = await ro();
        expect({ status: down.status, body: down.json }).toEqual({
          status: 503,
          body: { error: 'temporarily_unavailable', error_description: 'connection corp-outage: the directory is unreachable' },
        });
        expect(Date.now() - started).toBeLessThan(2000);
      } finally {
        await dc.start();
      }
      expect((await ro()).status).toBe(200);
    } finally {
      await app.close();
      await oauthRo.close();
    }
  });
});
