import { describe, expect, it } from 'vitest';
import { webCryptoRandom } from '../ports/random.js';
import { deriveCodeKey } from './derive-code-key.js';
import { hashCode, importCodeKey, passwordlessUserId } from './hash-code.js';

const secret = new Uint8Array(32).fill(7);

describe('hashCode', () => {
  it('is a keyed hash bound to connection, recipient and code', async () => {
    const key = await importCodeKey(secret);
    const other = await importCodeKey(new Uint8Array(32).fill(8));
    const base = await hashCode(key, 'sms', '+15550100000', '042917');
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashCode(key, 'sms', '+15550100000', '042917')).toBe(base);
    for (const changed of [
      hashCode(other, 'sms', '+15550100000', '042917'),
      hashCode(key, 'sms2', '+15550100000', '042917'),
      hashCode(key, 'sms', '+15550100001', '042917'),
      hashCode(key, 'sms', '+15550100000', '042918'),
    ]) {
      expect(await changed).not.toBe(base);
    }
  });

  it('refuses a key shorter than 32 bytes', async () => {
    await expect(importCodeKey(new Uint8Array(16))).rejects.toThrow(RangeError);
  });

  it('derives stable 24-hex user ids, different from the code hashes', async () => {
    const key = await importCodeKey(secret);
    const id = await passwordlessUserId(key, 'sms', '+15550100000');
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(await passwordlessUserId(key, 'sms', '+15550100000')).toBe(id);
    expect(await passwordlessUserId(key, 'email', '+15550100000')).not.toBe(id);
  });
});

describe('deriveCodeKey', () => {
  const hashWith = async (key: CryptoKey) => hashCode(key, 'sms', '+15550100000', '123456');

  it('uses an explicit key (text or bytes) first', async () => {
    const hex = '07'.repeat(32);
    const fromText = await deriveCodeKey({ codeHashKey: hex, keyEncryptionKey: new Uint8Array(32), needed: true, random: webCryptoRandom });
    expect(await hashWith(fromText)).toBe(await hashWith(await importCodeKey(secret)));
  });

  it('derives the same key from the same key-encryption key, and not the KEK itself', async () => {
    const kek = new Uint8Array(32).fill(7);
    const a = await deriveCodeKey({ keyEncryptionKey: kek, needed: true, random: webCryptoRandom });
    const b = await deriveCodeKey({ keyEncryptionKey: kek, needed: true, random: webCryptoRandom });
    expect(await hashWith(a)).toBe(await hashWith(b));
    expect(await hashWith(a)).not.toBe(await hashWith(await importCodeKey(kek)));
  });

  it('falls back to a random key of this process, with a warning only when passwordless is configured', async () => {
    const warnings: string[] = [];
    const logger = { info() {}, error() {}, warn: (_o: Record<string, unknown>, msg?: string) => void warnings.push(msg ?? '') };
    const a = await deriveCodeKey({ needed: true, random: webCryptoRandom, logger });
    const b = await deriveCodeKey({ needed: false, random: webCryptoRandom, logger });
    expect(await hashWith(a)).not.toBe(await hashWith(b));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/code hash key/);
  });

  it('refuses a malformed explicit key without echoing it', async () => {
    await expect(deriveCodeKey({ codeHashKey: 'short-secret', needed: true, random: webCryptoRandom })).rejects.toThrow(/codeHashKey/);
    await expect(deriveCodeKey({ codeHashKey: 'short-secret', needed: true, random: webCryptoRandom })).rejects.not.toThrow(/short-secret/);
  });
});
