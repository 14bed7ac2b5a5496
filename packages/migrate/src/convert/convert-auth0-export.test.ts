import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertAuth0Export } from './convert-auth0-export.js';
import { scriptsBeside } from './scripts-beside.js';

const fixture = (name: string) => readFile(new URL(`../../test-fixtures/auth0/${name}`, import.meta.url), 'utf8');
/** The deploy-cli export's script files, read as `oauth-ro convert` reads them (relative to tenant.yaml). */
const readScript = scriptsBeside(fileURLToPath(new URL('../../test-fixtures/auth0/tenant.yaml', import.meta.url)));

// That the converted configurations pass the server's start-up checks is tested where those live:
// apps/server/test/convert-then-validate.test.ts (oauth-ro convert, then oauth-ro config validate).
let managementApi: Record<string, unknown>;
let deployCli: Record<string, unknown>;
beforeAll(async () => {
  managementApi = JSON.parse(await fixture('management-api.json')) as Record<string, unknown>;
  deployCli = parse(await fixture('tenant.yaml')) as Record<string, unknown>;
});

describe('convertAuth0Export: Management API v2 export', () => {
  it('copies no secret in clear: every one becomes an env: reference', () => {
    const { config } = convertAuth0Export(managementApi);
    const text = JSON.stringify(config);
    expect(text).not.toMatch(/never-copied/);
    const mobile = (config.clients as Record<string, unknown>[]).find((c) => c.name === 'Acme Mobile');
    expect(mobile).toEqual({
      client_id: 'Xq7bLMk2yPz3w9RvT4nHc8sJd1fGa6eK',
      name: 'Acme Mobile',
      client_secret: 'env:ACME_MOBILE_CLIENT_SECRET',
      token_endpoint_auth_method: 'none',
      jwt_configuration: { alg: 'HS256', lifetime_in_seconds: 36000, secret_encoded: true },
      grant_types: ['password', 'refresh_token', 'urn:ietf:params:oauth:grant-type:jwt-bearer'],
      refresh_token: {
        rotation_type: 'non-rotating',
        expiration_type: 'non-expiring',
        leeway: 0,
        token_lifetime: 2592000,
        infinite_token_lifetime: true,
        idle_token_lifetime: 1296000,
        infinite_idle_token_lifetime: true,
      },
      callbacks: ['com.acme.mobile://acme.eu.auth0.com/ios/com.acme.mobile/callback'],
    });
  });

  it('skips the global client, keeps the others with their ids, and maps enabled_clients from Auth0 ids', () => {
    const { config, warnings } = convertAuth0Export(managementApi);
    expect((config.clients as { client_id: string }[]).map((c) => c.client_id)).toEqual([
      'Xq7bLMk2yPz3w9RvT4nHc8sJd1fGa6eK',
      'Pw3KzR8vNmQ2tY6uB9cX1aD4fG7hJ0sL',
      'Ls9QwE2rT5yU8iO1pA4sD7fG0hJ3kZ6x',
    ]);
    const connections = config.connections as { name: string; strategy: string; enabled_clients: string[]; options: Record<string, unknown> }[];
    expect(connections.map((c) => `${c.name}:${c.strategy}`)).toEqual(['Username-Password-Authentication:auth0', 'sms:sms', 'email:email', 'corp:ad', 'contoso:waad', 'fabrikam:adfs', 'google-oauth2:google-oauth2']);
    expect(connections[1]!.enabled_clients).toEqual(['Xq7bLMk2yPz3w9RvT4nHc8sJd1fGa6eK']);
    expect(warnings).toContain('connections[1].enabled_clients: "a-client-deleted-long-ago" is not a client in the export; dropped');
  });

  it('carries allowed_clients over, and reports each client whose empty list let every client delegate to it in Auth0', () => {
    const { config, warnings } = convertAuth0Export(managementApi);
    const clients = config.clients as { name: string; allowed_clients?: string[] }[];
    expect(clients.find((c) => c.name === 'Acme Dashboard')!.allowed_clients).toEqual(['Xq7bLMk2yPz3w9RvT4nHc8sJd1fGa6eK']);
    expect(warnings).toContain('client "Acme Dashboard": allowed_clients "a-client-deleted-long-ago" is not a client in the export; dropped');
    for (const name of ['Acme Mobile', 'Legacy SPA']) {
      expect(clients.find((c) => c.name === name)).not.toHaveProperty('allowed_clients');
      expect(warnings).toContain(
        `client "${name}": allowed_clients is empty: in Auth0 every client could get a token for "${name}" through /delegation; ` +
          'in oauth-ro only the client itself can (list the clients that delegate to it in allowed_clients)',
      );
    }
    expect(warnings.filter((w) => w.includes('allowed_clients is empty'))).toHaveLength(2);
  });

  it('carries each strategy over in oauth-ro terms', () => {
    const { config } = convertAuth0Export(managementApi);
    const options = Object.fromEntries((config.connections as { name: string; options: unknown }[]).map((c) => [c.name, c.options]));
    expect(options['Username-Password-Authentication']).toEqual({
      passwordPolicy: 'good',
      brute_force_protection: true,
      requires_username: true,
      disable_signup: false,
      password_history: { enable: false, size: 5 },
      password_dictionary: { enable: true },
      password_no_personal_info: { enable: false },
      mfa: { active: true, return_enroll_settings: true },
    });
    expect(config.email_provider).toEqual({
      name: 'smtp',
      enabled: true,
      default_from_address: 'no-reply@acme.example',
      credentials: { smtp_host: 'smtp.acme.example', smtp_port: 587, smtp_user: 'mailer', smtp_pass: 'env:EMAIL_PROVIDER_SMTP_PASS' },
    });
    expect(options.sms).toMatchObject({ provider: 'twilio', twilio_token: 'env:SMS_TWILIO_TOKEN', messaging_service_sid: 'MG0123456789abcdef0123456789abcdef', totp: { time_step: 300, length: 6 } });
    expect(options.email).toMatchObject({
      email: { from: 'Acme <no-reply@acme.example>', subject: 'Your Acme code', body: '<p>Your code is {{ code }}</p>', syntax: 'liquid' },
      email_provider: { name: 'smtp', default_from_address: 'no-reply@acme.example', credentials: { smtp_host: 'smtp.acme.example', smtp_port: 587, smtp_user: 'mailer', smtp_pass: 'env:EMAIL_SMTP_PASS' } },
    });
    expect(options.corp).toEqual({
      ldap_url: 'env:CORP_LDAP_URL',
      ldap_base: 'DC=corp,DC=acme,DC=example',
      ldap_bind_user: 'env:CORP_LDAP_BIND_USER',
      ldap_bind_password: 'env:CORP_LDAP_BIND_PASSWORD',
      brute_force_protection: true,
    });
    expect(options.contoso).toEqual({ tenant_domain: 'contoso.onmicrosoft.com', client_id: '11111111-2222-3333-4444-555555555555', client_secret: 'env:CONTOSO_AAD_CLIENT_SECRET' });
    expect(options.fabrikam).toEqual({
      adfs_server: 'https://adfs.fabrikam.example/FederationMetadata/2007-06/FederationMetadata.xml',
      thumbprints: ['a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'],
      entityId: 'urn:auth0:acme:fabrikam',
    });
  });

  it('lists what it did not carry over', () => {
    const { warnings } = convertAuth0Export(managementApi);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'clients[3].jwt_configuration.alg: PS256 is not supported; RS256 is used instead',
        'connections[0].options.mfa: carried over; users must enrol their authenticator again (Auth0 exports no MFA secrets) and OAUTH_RO_KEY_ENCRYPTION_KEY must be set',
        'connections[3].options.certAuth: certificate authentication is not supported; ignored',
        'connections[6]: "google-oauth2" (google-oauth2) serves native token exchange only (/oauth/access_token, /oauth/token); web logins through /authorize are not served',
        expect.stringMatching(/^clients\[1\]\.client_secret: set the environment variable ACME_MOBILE_CLIENT_SECRET /),
      ]),
    );
    expect(warnings.join('\n')).not.toMatch(/never-copied/);
    expect(warnings.join('\n')).not.toMatch(/idle_token_lifetime/);
  });
});

describe('convertAuth0Export: auth0-deploy-cli tenant.yaml', () => {
  it('names clients by env: references when the export has no ids, and maps enabled_clients from names', async () => {
    const { config, warnings } = convertAuth0Export(deployCli, { readScript });
    expect(config.clients).toEqual([
      { client_id: 'env:ACME_MOBILE_CLIENT_ID', name: 'Acme Mobile', token_endpoint_auth_method: 'none', jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 36000, secret_encoded: false }, grant_types: ['password', 'refresh_token'] },
      {
        client_id: 'env:ACME_BACKOFFICE_CLIENT_ID',
        name: 'Acme Backoffice',
        jwt_configuration: { alg: 'HS256', lifetime_in_seconds: 600 },
        client_secret: 'env:ACME_BACKOFFICE_CLIENT_SECRET',
        allowed_clients: ['env:ACME_MOBILE_CLIENT_ID'],
        callbacks: ['https://backoffice.acme.example/callback'],
      },
    ]);
    const connections = config.connections as { name: string; enabled_clients: string[]; options: Record<string, unknown> }[];
    expect(connections.map((c) => c.name)).toEqual(['Username-Password-Authentication', 'sms', 'email']);
    expect(connections[0]!.enabled_clients).toEqual(['env:ACME_MOBILE_CLIENT_ID', 'env:ACME_BACKOFFICE_CLIENT_ID']);
    expect(connections[0]!.options).toEqual({
      passwordPolicy: 'fair',
      brute_force_protection: true,
      disable_signup: true,
      enabledDatabaseCustomization: true,
      import_mode: true,
      customScripts: { login: await fixture('databases/Username-Password-Authentication/login.js'), get_user: await fixture('databases/Username-Password-Authentication/get_user.js') },
    });
    expect(config.rules).toEqual([{ name: 'add-roles', script: await fixture('rules/add-roles.js'), order: 1, enabled: true }]);
    expect(config.actions).toEqual([{ name: 'enrich-profile', code: await fixture('actions/enrich-profile/code.js'), supported_triggers: [{ id: 'post-login' }], secrets: [] }]);
    expect(connections[1]!.options.gateway_authentication).toEqual({ method: 'bearer', subject: 'urn:acme:auth', audience: 'urn:acme:sms', secret_base64_encoded: false, secret: 'env:SMS_GATEWAY_SECRET' });
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^clients\[0\]\.client_id: set the environment variable ACME_MOBILE_CLIENT_ID .*--export_ids/),
        expect.stringMatching(/^connections\[2\]: "github" uses strategy github/),
        'connections[1].options.email_provider: Auth0\'s email provider "mandrill" is not supported; oauth-ro sends over SMTP',
        'actions: the export has no triggers section; every post-login / pre-user-registration action runs, in listing order',
      ]),
    );
  });

  it('keeps only actions a trigger binds, in binding order, with secrets as env: references', () => {
    const action = (name: string, trigger: string) => ({ name, code: `exports.onExecutePostLogin = async () => {}; // ${name}`, supported_triggers: [{ id: trigger }], secrets: [{ name: 'API_KEY', value: 'never-copied' }] });
    const { config, warnings } = convertAuth0Export({
      clients: [],
      connections: [],
      actions: [action('b', 'post-login'), action('a', 'post-login'), action('unbound', 'post-login'), action('m2m', 'credentials-exchange')],
      triggers: { 'post-login': [{ action_name: 'a' }, { action_name: 'b' }] },
      rulesConfigs: [{ key: 'SLACK_URL', value: '##SLACK##' }],
    });
    expect((config.actions as { name: string }[]).map((a) => a.name)).toEqual(['a', 'b']);
    expect(JSON.stringify(config)).not.toContain('never-copied');
    expect((config.actions as { secrets: unknown[] }[])[0]!.secrets).toEqual([{ name: 'API_KEY', value: expect.stringMatching(/^env:/) }]);
    expect(config.rules_configs).toEqual({ SLACK_URL: expect.stringMatching(/^env:/) });
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/"unbound".*not bound/), expect.stringMatching(/"m2m" \(credentials-exchange\)/)]));
  });
});

describe('convertAuth0Export: input that is not an export', () => {
  it.each([null, 'clients', 42, {}, { tenant: {} }])('refuses %j with a TypeError that says what it expected', (input) => {
    expect(() => convertAuth0Export(input)).toThrow(/not an Auth0 tenant export: expected an object with "clients"/);
  });

  it('accepts one array mixing GET /api/v2/clients and GET /api/v2/connections items', () => {
    const { config } = convertAuth0Export([
      { client_id: 'app', name: 'App' },
      { name: 'db', strategy: 'auth0', enabled_clients: ['app'], options: {} },
    ]);
    expect(config.connections).toEqual([{ name: 'db', strategy: 'auth0', enabled_clients: ['app'], options: {} }]);
  });
});

describe('convertAuth0Export: account options and email templates', () => {
  it('carries password settings, username limits and the verify/reset templates over', () => {
    const { config, warnings } = convertAuth0Export({
      connections: [
        {
          name: 'db',
          strategy: 'auth0',
          options: {
            passwordPolicy: 'excellent',
            password_complexity_options: { min_length: 12 },
            password_history: { enable: true, size: 30 },
            password_dictionary: { enable: true, dictionary: ['acme', 'x'.repeat(60)] },
            password_no_personal_info: { enable: true },
            validation: { username: { min: 3, max: 20 } },
          },
        },
      ],
      emailTemplates: [
        { template: 'reset_email', from: 'Acme <no-reply@acme.example>', subject: 'Reset', body: '<a href="{{ url }}">reset</a>', resultUrl: 'https://acme.example/login', urlLifetimeInSeconds: 3600, enabled: true, syntax: 'liquid' },
        { template: 'verify_email', body: './emailTemplates/verify_email.html', enabled: true },
        { template: 'welcome_email', body: '<p>hi</p>' },
      ],
    });
    const [db] = config.connections as { options: Record<string, unknown> }[];
    expect(db!.options).toMatchObject({
      passwordPolicy: 'excellent',
      password_complexity_options: { min_length: 12 },
      password_history: { enable: true, size: 24 },
      password_dictionary: { enable: true, dictionary: ['acme'] },
      password_no_personal_info: { enable: true },
      validation: { username: { min: 3, max: 20 } },
    });
    expect(config.email_templates).toEqual([
      { template: 'reset_email', from: 'Acme <no-reply@acme.example>', subject: 'Reset', body: '<a href="{{ url }}">reset</a>', resultUrl: 'https://acme.example/login', urlLifetimeInSeconds: 3600, enabled: true },
      { template: 'verify_email', enabled: true },
    ]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'connections[0].options.password_history.size: 30 is outside 1 to 24; using 24',
        'connections[0].options.password_dictionary.dictionary: 1 entries over 50 characters or past 2000 dropped',
        'emailTemplates[1].body: "./emailTemplates/verify_email.html" names a file; paste its HTML into email_templates[].body',
        'emailTemplates[2]: welcome_email is not sent by oauth-ro (only verify_email and reset_email)',
      ]),
    );
  });
});

describe('convertAuth0Export: APIs, client grants, grant_types and the default directory', () => {
  const withApis = () => ({
    ...managementApi,
    tenant_settings: { default_directory: 'Username-Password-Authentication' },
    resource_servers: [
      { id: 'sys', name: 'Auth0 Management API', identifier: 'https://acme.eu.auth0.com/api/v2/', is_system: true, signing_alg: 'RS256' },
      {
        id: 'notes',
        name: 'Notes',
        identifier: 'https://api.acme.example/notes',
        signing_alg: 'RS256',
        scopes: [{ value: 'read:notes', description: 'Read' }, { value: 'write:notes' }],
        token_lifetime: 7200,
        allow_offline_access: true,
        skip_consent_for_verifiable_first_party_clients: true,
        token_dialect: 'access_token',
      },
      { id: 'legacy', name: 'Legacy', identifier: 'https://api.acme.example/legacy', signing_alg: 'HS256', signing_secret: 'never-copied' },
    ],
    client_grants: [
      { client_id: 'Pw3KzR8vNmQ2tY6uB9cX1aD4fG7hJ0sL', audience: 'https://api.acme.example/notes', scope: ['read:notes'] },
      { client_id: 'Pw3KzR8vNmQ2tY6uB9cX1aD4fG7hJ0sL', audience: 'https://api.acme.example/legacy', scope: [] },
      { client_id: 'Pw3KzR8vNmQ2tY6uB9cX1aD4fG7hJ0sL', audience: 'https://acme.eu.auth0.com/api/v2/', scope: ['read:users'] },
    ],
  });

  it('carries RS256 APIs, their client grants, grant_types and default_directory; reports an HS256 API', () => {
    const { config, warnings } = convertAuth0Export(withApis());
    expect(config.resource_servers).toEqual([
      {
        identifier: 'https://api.acme.example/notes',
        name: 'Notes',
        signing_alg: 'RS256',
        scopes: [{ value: 'read:notes', description: 'Read' }, { value: 'write:notes' }],
        token_lifetime: 7200,
        allow_offline_access: true,
        skip_consent_for_verifiable_first_party_clients: true,
      },
    ]);
    expect(config.client_grants).toEqual([{ client_id: 'Pw3KzR8vNmQ2tY6uB9cX1aD4fG7hJ0sL', audience: 'https://api.acme.example/notes', scope: ['read:notes'] }]);
    expect(config.tenant).toEqual({ default_directory: 'Username-Password-Authentication' });
    expect((config.clients as { name: string; grant_types?: string[] }[]).find((c) => c.name === 'Acme Mobile')?.grant_types).toEqual([
      'password',
      'refresh_token',
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
    ]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^resource_servers\[2\]: the API "https:\/\/api.acme.example\/legacy" signs HS256/),
        expect.stringMatching(/^clients\[1\]\.grant_types: lists neither .*legacy\/grant-type\/ro/),
      ]),
    );
    expect(JSON.stringify({ config, warnings })).not.toContain('never-copied');
  });
});
