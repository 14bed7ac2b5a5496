import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../errors/oauth-error.js';
import { prepareAdminToken } from './admin-token.js';

const TOKEN = 'a-32-character-admin-token-value!';

describe('prepareAdminToken', () => {
  it('matches the token and nothing else: not a prefix, an extension, another case or the empty string', async () => {
    const check = await prepareAdminToken(TOKEN);
    expect(await check.matches(TOKEN)).toBe(true);
    for (const other of [TOKEN.slice(0, -1), `${TOKEN}!`, TOKEN.toUpperCase(), '', 'x'.repeat(4096)]) {
      expect(await check.matches(other)).toBe(false);
    }
  });

  it('refuses a token shorter than 32 characters, or with spaces or non-ASCII, as a configuration error', async () => {
    for (const bad of ['x'.repeat(31), `${TOKEN} `, `${TOKEN}é`, 'x'.repeat(1025)]) {
      await expect(prepareAdminToken(bad)).rejects.toBeInstanceOf(ConfigurationError);
    }
    await expect(prepareAdminToken('short')).rejects.toThrow('adminToken: must be at least 32 characters');
  });
});
