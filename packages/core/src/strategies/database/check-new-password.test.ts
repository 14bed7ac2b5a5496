import { describe, expect, it } from 'vitest';
import type { ConnectionConfig } from '../../config/types.js';
import type { PasswordHasher } from '../../ports/password-hasher.js';
import { checkNewPassword } from './check-new-password.js';

/** A hasher that keeps the password readable: enough to test comparisons, not for use. */
const plainHasher = {
  hash: async (p: string) => `plain:${p}`,
  verify: async (h: string, p: string) => h === `plain:${p}`,
  verifyDummy: async () => false,
  needsRehash: () => false,
} as unknown as PasswordHasher;

const db = (options: Record<string, unknown>): ConnectionConfig => ({ name: 'db', strategy: 'auth0', enabled_clients: [], options: { passwordPolicy: 'low', ...options } });

describe('checkNewPassword', () => {
  it('refuses a weak password with the rules', async () => {
    const res = await checkNewPassword({ hasher: plainHasher }, db({ passwordPolicy: 'good' }), 'short', {});
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_password', strength: { verified: false } } });
  });

  it('password_dictionary: the 10k list, case-insensitively, and the extra words', async () => {
    const c = db({ password_dictionary: { enable: true, dictionary: ['Acme-Corp-2024'] } });
    for (const p of ['password1', 'PASSWORD1', 'qwerty123', 'acme-corp-2024']) {
      expect(await checkNewPassword({ hasher: plainHasher }, c, p, {}), p).toMatchObject({ ok: false, error: { code: 'password_dictionary_error' } });
    }
    expect((await checkNewPassword({ hasher: plainHasher }, c, 'zebra-quartz-91', {})).ok).toBe(true);
    expect((await checkNewPassword({ hasher: plainHasher }, db({}), 'password1', {})).ok).toBe(true);
  });

  it('password_no_personal_info: name, username, email local part, metadata names', async () => {
    const c = db({ password_no_personal_info: { enable: true } });
    const owner = { email: 'jsmith@example.com', username: 'jonny', name: 'John Smith', user_metadata: { first: 'Johnathan' } };
    for (const p of ['xxJSMITHxx', 'jonny-rules', 'i-am-john smith', 'johnathan99']) {
      expect(await checkNewPassword({ hasher: plainHasher }, c, p, owner), p).toMatchObject({ ok: false, error: { code: 'password_no_user_info_error' } });
    }
    expect((await checkNewPassword({ hasher: plainHasher }, c, 'violet-harbour', owner)).ok).toBe(true);
  });

  it('password_history: the current hash and the stored ones, up to size', async () => {
    const stored = ['plain:old-one', 'plain:old-two', 'plain:old-three'];
    const passwordHistory = { recent: async (_u: string, n: number) => stored.slice(0, n), add: async () => {}, forget: async () => {} };
    const c = db({ password_history: { enable: true, size: 3 } });
    const owner = { user_id: 'auth0|1', password_hash: 'plain:current' };
    for (const p of ['current', 'old-one', 'old-two']) {
      expect(await checkNewPassword({ hasher: plainHasher, passwordHistory }, c, p, owner), p).toMatchObject({ ok: false, error: { code: 'password_history_error' } });
    }
    expect((await checkNewPassword({ hasher: plainHasher, passwordHistory }, c, 'old-three', owner)).ok).toBe(true);
  });
});
