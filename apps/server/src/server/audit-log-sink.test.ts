import { Writable } from 'node:stream';
import type { AuditEvent } from '@oauth-ro/core';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { auditLogSink } from './audit-log-sink.js';
import { loggerOptions } from './logger-options.js';

const EVENT: AuditEvent = { type: 'fp', date: '2026-01-01T00:00:00.000Z', client_id: 'mobile-app', user_name: 'a@example.com', details: { error: 'invalid_user_password' } };

/** The JSON lines a Fastify app logging at `level` writes while `act` runs on it. */
async function linesAt(level: string, act: (app: ReturnType<typeof Fastify>) => void): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = Fastify({ logger: loggerOptions(level, stream) });
  act(app);
  await app.close();
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('auditLogSink', () => {
  it('writes each event as its own JSON line with the event under "audit"', async () => {
    const lines = await linesAt('info', (app) => auditLogSink(app.log).emit(EVENT));
    expect(lines.at(-1)).toMatchObject({
      level: 30,
      service: 'oauth-ro',
      msg: 'audit fp',
      audit: { type: 'fp', client_id: 'mobile-app', user_name: 'a@example.com', details: { error: 'invalid_user_password' } },
    });
  });

  it.each(['warn', 'error', 'fatal'])('keeps the audit trail when the log level is %s, while other info lines are dropped', async (level) => {
    const lines = await linesAt(level, (app) => {
      app.log.info({ event: 'diagnostic' }, 'not an audit line');
      auditLogSink(app.log).emit(EVENT);
    });
    expect(lines).toEqual([expect.objectContaining({ level: 30, service: 'oauth-ro', msg: 'audit fp', audit: expect.objectContaining({ type: 'fp' }) })]);
  });

  it('writes audit lines once, not twice, at debug', async () => {
    const lines = await linesAt('debug', (app) => auditLogSink(app.log).emit(EVENT));
    expect(lines.filter((line) => line.audit !== undefined)).toHaveLength(1);
  });

  it('writes nothing when the log level is silent', async () => {
    const lines = await linesAt('silent', (app) => auditLogSink(app.log).emit(EVENT));
    expect(lines).toEqual([]);
  });
});
