import { describe, expect, it } from 'vitest';
import { normalizeConfig } from './normalize-config.js';

const base = (extra: Record<string, unknown> = {}, options: Record<string, unknown> = {}) => ({
  issuer: 'https://auth.example.com/',
  clients: [{ client_id: 'app' }],
  connections: [{ name: 'db', strategy: 'auth0', enabled_clients: ['app'], options }],
  ...extra,
});

describe('normalizeConfig: account options', () => {
  it('accepts Auth0\'s password options and the templates, and keeps email_provider as given', () => {
    const config = normalizeConfig(
      base(
        {
          email_provider: { name: 'smtp', default_from_address: 'a@example.com', credentials: { smtp_host: 'h' } },
          email_templates: [{ template: 'reset_email', subject: 'Reset', body: '<p>{{ url }}</p>', resultUrl: 'https://app.example.com/', urlLifetimeInSeconds: 3600 }],
        },
        { passwordPolicy: 'excellent', password_complexity_options: { min_length: 12 }, password_history: { enable: true, size: 5 }, validation: { username: { min: 3, max: 15 } } },
      ),
    );
    expect(config.email_templates).toEqual([{ template: 'reset_email', subject: 'Reset', body: '<p>{{ url }}</p>', resultUrl: 'https://app.example.com/', urlLifetimeInSeconds: 3600, enabled: true }]);
    expect(config.email_provider).toMatchObject({ name: 'smtp' });
  });

  it.each([
    [base({}, { passwordPolicy: 'strong' }), 'connections[0].options.passwordPolicy'],
    [base({}, { password_complexity_options: { min_length: 0 } }), 'connections[0].options.password_complexity_options.min_length'],
    [base({}, { password_history: { enable: true, size: 99 } }), 'connections[0].options.password_history.size'],
    [base({}, { password_dictionary: { enable: true, dictionary: ['x'.repeat(51)] } }), 'connections[0].options.password_dictionary.dictionary'],
    [base({}, { validation: { username: { min: 10, max: 5 } } }), 'connections[0].options.validation.username'],
    [base({}, { requires_email_verification: 'yes' }), 'connections[0].options.requires_email_verification'],
    [base({ email_templates: [{ template: 'welcome_email' }] }), 'email_templates[0].template'],
    [base({ email_templates: [{ template: 'reset_email', subject: 'Hi\r\nBcc: victim@example.com' }] }), 'email_templates[0].subject'],
    [base({ email_templates: [{ template: 'reset_email', from: 'a@example.com\nBcc: b@example.com' }] }), 'email_templates[0].from'],
    [base({ email_templates: [{ template: 'reset_email', body: 'x'.repeat(100_001) }] }), 'email_templates[0].body'],
    [base({ email_templates: [{ template: 'reset_email', resultUrl: 'javascript:alert(1)' }] }), 'email_templates[0].resultUrl'],
    [base({ email_templates: [{ template: 'reset_email', urlLifetimeInSeconds: 10 }] }), 'email_templates[0].urlLifetimeInSeconds'],
    [base({ email_templates: [{ template: 'reset_email' }, { template: 'reset_email' }] }), 'email_templates[1].template'],
    [base({ email_provider: { name: 'smtp', default_from_address: 'a@example.com\r\nBcc: x@example.com' } }), 'email_provider.default_from_address'],
  ])('refuses a bad value at %#, naming %s', (raw, path) => {
    expect(() => normalizeConfig(raw)).toThrow(`${path}:`);
  });
});
