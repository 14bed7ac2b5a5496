import { ConfigurationError, type ConnectionConfig } from '@oauth-ro/core/ports';
import { describe, expect, it } from 'vitest';
import { emailProviderOf, parseEmailProvider } from './parse-email-options.js';

const email = (options: Record<string, unknown>): ConnectionConfig => ({ name: 'email', strategy: 'email', enabled_clients: [], options });

describe('parseEmailProvider', () => {
  it("reads Auth0's smtp provider shape, port 587 by default", () => {
    expect(parseEmailProvider({ name: 'smtp', credentials: { smtp_host: 'smtp.example.com', smtp_user: 'u', smtp_pass: 'p' }, default_from_address: 'a@example.com' }, 'p')).toEqual({
      name: 'smtp',
      host: 'smtp.example.com',
      port: 587,
      user: 'u',
      pass: 'p',
      default_from_address: 'a@example.com',
    });
    expect(parseEmailProvider({ name: 'development' }, 'p')).toEqual({ name: 'development' });
  });

  it.each([
    [{ name: 'sendgrid' }, 'p.name'],
    [{ name: 'smtp' }, 'p.credentials'],
    [{ name: 'smtp', credentials: { smtp_port: 25 } }, 'p.credentials.smtp_host'],
    [{ name: 'smtp', credentials: { smtp_host: 'h', smtp_port: 70000 } }, 'p.credentials.smtp_port'],
    [{ name: 'smtp', credentials: { smtp_host: 'h', smtp_user: 'u' } }, 'p.credentials.smtp_pass'],
  ])('refuses %j naming the path', (raw, path) => {
    expect(() => parseEmailProvider(raw, 'p')).toThrow(ConfigurationError);
    expect(() => parseEmailProvider(raw, 'p')).toThrow(path);
  });
});

describe('emailProviderOf', () => {
  it("prefers the connection's own provider, else the default, else refuses", () => {
    const fallback = { name: 'development' } as const;
    expect(emailProviderOf(email({ email_provider: { name: 'smtp', credentials: { smtp_host: 'h' } } }), 'c', fallback)).toMatchObject({ name: 'smtp' });
    expect(emailProviderOf(email({}), 'c', fallback)).toBe(fallback);
    expect(() => emailProviderOf(email({}), 'connections[4]', undefined)).toThrow('connections[4].options.email_provider');
  });
});
