import { describe, expect, it } from 'vitest';
import { renderTemplate } from './render-template.js';

const values = { code: '042917', application_name: 'My App', connection_name: 'sms' };

describe('renderTemplate', () => {
  it('replaces every @@password@@ in both syntaxes', () => {
    expect(renderTemplate('@@password@@ is your code (@@password@@)', 'md_with_macros', values)).toBe('042917 is your code (042917)');
    expect(renderTemplate('Code @@password@@', 'liquid', values)).toBe('Code 042917');
  });

  it('renders Liquid output tags only with the liquid syntax', () => {
    const template = '{{ application.name }}: {{code}} via {{ connection.name }}{{ unknown }}';
    expect(renderTemplate(template, 'liquid', values)).toBe('My App: 042917 via sms');
    expect(renderTemplate(template, 'md_with_macros', values)).toBe(template);
  });

  it('does not render values twice (an application named like a tag stays as named)', () => {
    expect(renderTemplate('{{ application.name }} {{ code }}', 'liquid', { ...values, application_name: '{{ code }} @@password@@' })).toBe(
      '{{ code }} @@password@@ 042917',
    );
  });

  it('leaves Liquid tags alone', () => {
    expect(renderTemplate('{% if x %}{{ code }}{% endif %}', 'liquid', values)).toBe('{% if x %}042917{% endif %}');
  });
});

describe('renderTemplate with links', () => {
  const link = { ...values, link: 'https://auth.example.com/passwordless/verify_redirect?x=1', send: 'link' as const };

  it('renders {{ link }} and {{ send }}', () => {
    expect(renderTemplate('<a href="{{ link }}">{{ send }}</a>', 'liquid', link)).toBe('<a href="https://auth.example.com/passwordless/verify_redirect?x=1">link</a>');
  });

  it("chooses the branch of Auth0's default `{% if send == 'link' or … %}` template", () => {
    const template = "{% if send == 'link' or send == 'link_ios' or send == 'link_android' %}Click {{ link }}{% elsif send == 'code' %}Code {{ code }}{% else %}?{% endif %}!";
    expect(renderTemplate(template, 'liquid', link)).toBe('Click https://auth.example.com/passwordless/verify_redirect?x=1!');
    expect(renderTemplate(template, 'liquid', { ...link, send: 'link_ios' })).toBe('Click https://auth.example.com/passwordless/verify_redirect?x=1!');
    expect(renderTemplate(template, 'liquid', { ...values, send: 'code' })).toBe('Code 042917!');
    expect(renderTemplate('{% if send != "code" %}L{% endif %}-', 'liquid', values)).toBe('-');
  });
});
