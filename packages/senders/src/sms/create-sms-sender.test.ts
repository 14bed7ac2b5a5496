import { ConfigurationError, type ConnectionConfig, type OutgoingMessage } from '@oauth-ro/core/ports';
import { closedPort, listenLocal } from '@oauth-ro/test-kit';
import { describe, expect, it } from 'vitest';
import { createSmsSender } from './create-sms-sender.js';

const connection = (options: Record<string, unknown>): ConnectionConfig => ({ name: 'sms', strategy: 'sms', enabled_clients: ['app'], options });
const message = (conn: ConnectionConfig): OutgoingMessage => ({ connection: conn, recipient: '+15550100000', body: 'Code 123456', client_id: 'app', from: '+15550109999' });

function recordingLogger() {
  const lines: { level: string; obj: Record<string, unknown>; msg?: string }[] = [];
  const at = (level: string) => (obj: Record<string, unknown>, msg?: string) => void lines.push({ level, obj, ...(msg ? { msg } : {}) });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

describe('createSmsSender', () => {
  it('the development provider hands the message to the outbox, and logs no body or code', async () => {
    const { lines, logger } = recordingLogger();
    const outbox: unknown[] = [];
    const sender = createSmsSender({ logger, allowDevelopment: true, developmentOutbox: (m) => void outbox.push(m) });
    expect(await sender.send(message(connection({ provider: 'development' })))).toEqual({ ok: true, value: undefined });
    expect(outbox).toEqual([{ channel: 'sms', connection: 'sms', to: '+15550100000', from: '+15550109999', body: 'Code 123456' }]);
    expect(lines).toEqual([{ level: 'warn', obj: { connection: 'sms' }, msg: expect.stringMatching(/development/) }]);
    expect(JSON.stringify(lines)).not.toContain('123456');
  });

  it('refuses the development provider at validation when it is not allowed (production)', () => {
    const sender = createSmsSender({ allowDevelopment: false });
    expect(() => sender.validate(connection({ provider: 'development' }), 'connections[3]')).toThrow(ConfigurationError);
    expect(() => sender.validate(connection({ provider: 'development' }), 'connections[3]')).toThrow('connections[3].options.provider');
  });

  it('answers a failure, not a throw, for a connection that was never validated and is misconfigured', async () => {
    const { lines, logger } = recordingLogger();
    const sent = await createSmsSender({ logger }).send(message(connection({ provider: 'sms_gateway' })));
    expect(sent).toEqual({ ok: false, error: { description: 'The SMS provider of this connection is misconfigured.' } });
    expect(lines[0]?.level).toBe('error');
  });

  it('answers a failure when the gateway cannot be reached, and when it does not answer in time', async () => {
    const port = await closedPort();
    const refused = await createSmsSender().send(message(connection({ provider: 'sms_gateway', gateway_url: `http://127.0.0.1:${port}/send` })));
    expect(refused).toEqual({ ok: false, error: { description: 'The SMS gateway could not be reached (connection failed).' } });

    const slow = await listenLocal(() => new Promise((resolve) => setTimeout(() => resolve({ status: 200, body: '' }), 2000)));
    try {
      const started = Date.now();
      const late = await createSmsSender({ timeoutMs: 200 }).send(message(connection({ provider: 'sms_gateway', gateway_url: `${slow.url}/send` })));
      expect(late).toEqual({ ok: false, error: { description: 'The SMS gateway could not be reached (no answer within 200 ms).' } });
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await slow.close();
    }
  });

  it("logs a refusal with the status only, and answers Auth0's wording for a 401", async () => {
    const gateway = await listenLocal(() => ({ status: 401, body: 'no' }));
    const { lines, logger } = recordingLogger();
    try {
      const sent = await createSmsSender({ logger }).send(message(connection({ provider: 'sms_gateway', gateway_url: `${gateway.url}/send` })));
      expect(sent).toEqual({ ok: false, error: { description: 'Authentication failed while calling the SMS gateway: 401.' } });
      expect(lines).toEqual([{ level: 'warn', obj: { connection: 'sms', provider: 'sms_gateway', status: 401 }, msg: 'SMS provider refused the message' }]);
      expect(JSON.stringify(lines)).not.toContain('123456');
    } finally {
      await gateway.close();
    }
  });

  it('accepts any 2xx from a gateway and does not follow redirects', async () => {
    const accepted = await listenLocal(() => ({ status: 202, body: '' }));
    const moved = await listenLocal(() => ({ status: 307, headers: { location: `${accepted.url}/elsewhere` }, body: '' }));
    try {
      expect((await createSmsSender().send(message(connection({ provider: 'sms_gateway', gateway_url: `${accepted.url}/send` })))).ok).toBe(true);
      expect(await createSmsSender().send(message(connection({ provider: 'sms_gateway', gateway_url: `${moved.url}/send` })))).toEqual({
        ok: false,
        error: { description: 'The SMS gateway answered 307.' },
      });
    } finally {
      await accepted.close();
      await moved.close();
    }
  });
});
