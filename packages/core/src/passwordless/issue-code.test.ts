import { describe, expect, it } from 'vitest';
import type { ClientConfig, ConnectionConfig } from '../config/types.js';
import type { CodeRecord, CodeStore } from '../ports/code-store.js';
import type { MessageSender, OutgoingMessage } from '../ports/message-sender.js';
import { webCryptoRandom } from '../ports/random.js';
import { err, ok } from '../util/result.js';
import { hashCode, importCodeKey } from './hash-code.js';
import { issueCode } from './issue-code.js';
import { readPasswordlessSettings } from './read-passwordless-settings.js';
import { verifyCode } from './verify-code.js';

const connection: ConnectionConfig = { name: 'sms', strategy: 'sms', enabled_clients: ['app'], options: { from: '+15550100000', template: 'Code @@password@@' } };
const client: ClientConfig = { client_id: 'app', name: 'App', jwt_configuration: { alg: 'RS256', lifetime_in_seconds: 36000, secret_encoded: false } };
const settings = readPasswordlessSettings(connection, 'connections[0]');
const recipient = '+15550100000';

/** The smallest faithful code store: one record per recipient, tries counted. */
function fakeCodes(): CodeStore & { records: Map<string, CodeRecord & { attempts: number }> } {
  const records = new Map<string, CodeRecord & { attempts: number }>();
  return {
    records,
    async issue(c, r, record) {
      records.set(`${c}|${r}`, { ...record, attempts: 0 });
    },
    async consume(c, r, code_hash, at) {
      const stored = records.get(`${c}|${r}`);
      if (!stored || stored.expires_at <= at) return { outcome: 'absent' };
      if (stored.code_hash === code_hash) {
        records.delete(`${c}|${r}`);
        return { outcome: 'accepted' };
      }
      stored.attempts += 1;
      if (stored.attempts >= stored.max_attempts) records.delete(`${c}|${r}`);
      return { outcome: 'rejected', attempts_left: stored.max_attempts - stored.attempts };
    },
    async check() {
      throw new Error('issueCode never checks a code');
    },
    async revoke(c, r, code_hash) {
      return records.get(`${c}|${r}`)?.code_hash === code_hash && records.delete(`${c}|${r}`);
    },
    async prune() {
      return 0;
    },
  };
}

function sender(behaviour: (m: OutgoingMessage) => ReturnType<MessageSender['send']>): MessageSender & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    sent,
    send: (m) => {
      sent.push(m);
      return behaviour(m);
    },
  };
}

const clock = { now: () => 1_700_000_000_000 };

describe('issueCode', () => {
  it('stores the keyed hash (never the code) before sending, valid for time_step', async () => {
    const key = await importCodeKey(new Uint8Array(32).fill(1));
    const codes = fakeCodes();
    let storedWhenSent: unknown;
    const sms = sender(async () => {
      storedWhenSent = codes.records.get(`sms|${recipient}`);
      return ok(undefined);
    });
    const sent = await issueCode({ codes, senders: { sms }, random: webCryptoRandom, clock }, key, { connection, settings, client, recipient });
    expect(sent).toEqual({ ok: true, value: undefined });
    const message = sms.sent[0]!;
    const code = /[0-9]{6}/.exec(message.body)![0];
    expect(message).toMatchObject({ recipient, from: '+15550100000', client_id: 'app', body: `Code ${code}` });
    const record = codes.records.get(`sms|${recipient}`)!;
    expect(storedWhenSent).toBeDefined();
    expect(record).toEqual({ code_hash: await hashCode(key, 'sms', recipient, code), expires_at: clock.now() + 180_000, max_attempts: 3, attempts: 0 });
    expect(JSON.stringify(record)).not.toContain(code);
    expect(await verifyCode(codes, key, 'sms', 'sms', recipient, code, clock.now())).toEqual({ ok: true, value: undefined });
  });

  it.each([
    ['returns a failure', async () => err({ description: 'gateway said no' }), 'gateway said no'],
    ['throws', async () => Promise.reject(new Error('socket hang up with secret=abc')), 'the message could not be sent'],
  ])('withdraws the code when the sender %s, and says sms_provider_error without the thrown text', async (_case, behaviour, description) => {
    const key = await importCodeKey(new Uint8Array(32).fill(1));
    const codes = fakeCodes();
    const sent = await issueCode({ codes, senders: { sms: sender(behaviour) }, random: webCryptoRandom, clock }, key, { connection, settings, client, recipient });
    expect(sent).toEqual({ ok: false, error: { code: 'sms_provider_error', description } });
    expect(codes.records.size).toBe(0);
  });

  it('withdraws only its own code: a newer one issued while sending stays', async () => {
    const key = await importCodeKey(new Uint8Array(32).fill(1));
    const codes = fakeCodes();
    const newer = { code_hash: 'f'.repeat(64), expires_at: clock.now() + 180_000, max_attempts: 3 };
    const sms = sender(async () => {
      await codes.issue('sms', recipient, newer);
      return err({ description: 'failed' });
    });
    await issueCode({ codes, senders: { sms }, random: webCryptoRandom, clock }, key, { connection, settings, client, recipient });
    expect(codes.records.get(`sms|${recipient}`)?.code_hash).toBe(newer.code_hash);
  });

  it('answers 503 when no sender or no code store is installed', async () => {
    const key = await importCodeKey(new Uint8Array(32).fill(1));
    const noSender = await issueCode({ codes: fakeCodes(), random: webCryptoRandom, clock }, key, { connection, settings, client, recipient });
    expect(noSender).toMatchObject({ ok: false, error: { code: 'temporarily_unavailable' } });
    const noStore = await issueCode({ senders: { sms: sender(async () => ok(undefined)) }, random: webCryptoRandom, clock }, key, { connection, settings, client, recipient });
    expect(noStore).toMatchObject({ ok: false, error: { code: 'temporarily_unavailable' } });
  });
});
