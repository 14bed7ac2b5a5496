import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { auditLogSink } from './audit-log-sink.js';
import { loggerOptions } from './logger-options.js';

describe('auditLogSink', () => {
  it('writes each event as its own JSON line with the event under "audit"', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const app = Fastify({ logger: loggerOptions('info', stream) });
    auditLogSink(app.log).emit({ type: 'fp', date: '2026-01-01T00:00:00.000Z', client_id: 'mobile-app', user_name: 'a@example.com', details: { error: 'invalid_user_password' } });
    await app.close();
    const line = JSON.parse(lines.at(-1)!);
    expect(line).toMatchObject({
      level: 30,
      service: 'oauth-ro',
      msg: 'audit fp',
      audit: { type: 'fp', client_id: 'mobile-app', user_name: 'a@example.com', details: { error: 'invalid_user_password' } },
    });
  });
});
