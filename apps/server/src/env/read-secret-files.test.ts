import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../config/load-config-file.js';
import { readSecretFiles } from './read-secret-files.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-ro-secrets-'));
const secret = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

describe('<NAME>_FILE secrets', () => {
  it('reads each secret variable from its file, without the trailing newline', () => {
    const kek = secret('kek', 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=\n');
    const db = secret('db', 'postgres://u:p@db/oauth');
    expect(readSecretFiles({ OAUTH_RO_KEY_ENCRYPTION_KEY_FILE: kek, OAUTH_RO_DATABASE_FILE: db, OTHER_FILE: kek })).toEqual({
      OAUTH_RO_KEY_ENCRYPTION_KEY: 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=',
      OAUTH_RO_DATABASE: 'postgres://u:p@db/oauth',
    });
  });

  it('refuses both forms at once, and an unreadable file, naming the variable and never the content', () => {
    const token = secret('token', 'a'.repeat(40));
    expect(() => readSecretFiles({ OAUTH_RO_ADMIN_TOKEN: 'x'.repeat(40), OAUTH_RO_ADMIN_TOKEN_FILE: token })).toThrow(
      'OAUTH_RO_ADMIN_TOKEN_FILE: OAUTH_RO_ADMIN_TOKEN is set too; set one of them',
    );
    expect(() => readSecretFiles({ OAUTH_RO_REDIS_FILE: join(dir, 'missing') })).toThrow(`OAUTH_RO_REDIS_FILE: cannot read ${join(dir, 'missing')} (the file does not exist)`);
  });
});

describe('"file:" values in the configuration file', () => {
  it('replaces a value with the file’s content, relative to the configuration file', async () => {
    secret('mobile-secret', 'the-mobile-app-secret-32-chars!!\n');
    const file = secret(
      'oauth-ro.yaml',
      'issuer: https://a.example/\nclients:\n  - { client_id: app, client_secret: "file:mobile-secret", jwt_configuration: { alg: HS256 } }\nconnections: []\n',
    );
    const config = await loadConfigFile(file, { env: {} });
    expect(config.clients[0]!.client_secret).toBe('the-mobile-app-secret-32-chars!!');
  });

  it('names the path of a value whose file cannot be read', async () => {
    const file = secret('broken.yaml', 'issuer: https://a.example/\nclients:\n  - { client_id: app, client_secret: "file:nope" }\nconnections: []\n');
    await expect(loadConfigFile(file, { env: {} })).rejects.toThrow(`${file}: clients[0].client_secret: cannot read nope (the file does not exist)`);
  });
});
