import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../config/normalize-config.js';
import type { UserRecord } from '../ports/user-store.js';
import { accountTemplate, renderAccountEmail } from './account-email.js';

const user: UserRecord = {
  user_id: 'auth0|1',
  connection: 'db',
  strategy: 'auth0',
  email: 'ann@example.com',
  blocked: false,
  profile: { name: '<script>alert("x")</script> & Co' },
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};
const connection = { name: 'db', strategy: 'auth0' as const, enabled_clients: [], options: {} };
const input = (clientName: string) => ({ user, client: { client_id: 'app', name: clientName, jwt_configuration: { alg: 'RS256' as const, lifetime_in_seconds: 36000, secret_encoded: false } }, connection, url: 'https://auth.example.com/lo/reset?ticket=abc#', issuer: 'https://auth.example.com/' });

describe('renderAccountEmail', () => {
  it('fills Auth0\'s placeholders, HTML-escaping every value in the body', () => {
    const out = renderAccountEmail({ subject: 'Reset for {{ application.name }}', body: '<p>{{user.name}} {{ user.email }} <a href="{{ url }}">x</a> {{ unknown.thing }}</p>' }, input('Acme "App"'));
    expect(out).toEqual({
      ok: true,
      value: {
        subject: 'Reset for Acme "App"',
        body: '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co ann@example.com <a href="https://auth.example.com/lo/reset?ticket=abc#">x</a> </p>',
      },
    });
  });

  it('refuses a value that would carry a line break into a header', () => {
    expect(renderAccountEmail({ subject: 'Reset for {{ application.name }}', body: 'x' }, input('Evil\r\nBcc: victim@example.com'))).toMatchObject({ ok: false });
    expect(renderAccountEmail({ from: '{{ application.name }} <a@example.com>', subject: 'x', body: 'x' }, input('Evil\nBcc: v@example.com'))).toMatchObject({ ok: false });
  });

  it('uses Auth0-like defaults, the configured template, and none when disabled', () => {
    const raw = { issuer: 'https://auth.example.com/', clients: [], connections: [] };
    expect(accountTemplate(normalizeConfig(raw), 'reset_email')).toMatchObject({ subject: 'Reset your password', urlLifetimeInSeconds: 432000 });
    const config = normalizeConfig({ ...raw, email_templates: [{ template: 'verify_email', enabled: false }, { template: 'reset_email', subject: 'R', urlLifetimeInSeconds: 600 }] });
    expect(accountTemplate(config, 'verify_email')).toBeUndefined();
    expect(accountTemplate(config, 'reset_email')).toMatchObject({ subject: 'R', urlLifetimeInSeconds: 600 });
  });
});
