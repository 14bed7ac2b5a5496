import { ConfigurationError, type ConnectionConfig, type OutgoingMessage } from '@oauth-ro/core/ports';
import { closedPort } from '@oauth-ro/test-kit';
import { describe, expect, it } from 'vitest';
import { createEmailSender } from './create-email-sender.js';

const connection = (options: Record<string, unknown>): ConnectionConfig => ({ name: 'email', strategy: 'email', enabled_clients: ['app'], options });
const message = (conn: ConnectionConfig): OutgoingMessage => ({
  connection: conn,
  recipient: 'a@example.com',
  body: 'Code 123456',
  subject: 'Your code',
  from: 'App <login@example.com>',
  client_id: 'app',
});

describe('createEmailSender', () => {
  it('the development provider hands the message to the outbox, and logs no body or code', async () => {
    const warnings: Record<string, unknown>[] = [];
    const outbox: unknown[] = [];
    const logger = { info() {}, error() {}, warn: (obj: Record<string, unknown>) => void warnings.push(obj) };
    const sender = createEmailSender({ provider: { name: 'development' }, logger, allowDevelopment: true, developmentOutbox: (m) => void outbox.push(m) });
    expect(await sender.send(message(connection({ email: { from: 'App <login@example.com>' } })))).toEqual({ ok: true, value: undefined });
    expect(outbox).toEqual([{ channel: 'email', connection: 'email', to: 'a@example.com', from: 'App <login@example.com>', subject: 'Your code', body: 'Code 123456' }]);
    expect(warnings).toEqual([{ connection: 'email' }]);
  });

  it('validates at start: a provider must exist, development must be allowed, a sender address must be known', () => {
    expect(() => createEmailSender().validate(connection({ email: { from: 'a@example.com' } }), 'connections[1]')).toThrow('connections[1].options.email_provider');
    expect(() => createEmailSender({ provider: { name: 'development' }, allowDevelopment: false }).validate(connection({ email: { from: 'a@example.com' } }), 'c')).toThrow(
      ConfigurationError,
    );
    expect(() => createEmailSender({ provider: { name: 'development' } }).validate(connection({}), 'connections[1]')).toThrow('connections[1].options.email.from');
    expect(() => createEmailSender({ provider: { name: 'development', default_from_address: 'a@example.com' } }).validate(connection({}), 'c')).not.toThrow();
  });

  it('answers a failure when the SMTP server cannot be reached', async () => {
    const port = await closedPort();
    const sender = createEmailSender({ provider: { name: 'smtp', credentials: { smtp_host: '127.0.0.1', smtp_port: port } }, timeoutMs: 2000 });
    try {
      expect(await sender.send(message(connection({ email: { from: 'App <login@example.com>' } })))).toEqual({ ok: false, error: { description: 'The mail server could not be reached.' } });
    } finally {
      await sender.close();
    }
  });
});
