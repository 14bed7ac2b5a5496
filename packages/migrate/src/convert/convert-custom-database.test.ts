import { describe, expect, it } from 'vitest';
import { convertCustomDatabase } from './convert-extensibility.js';
import type { MigrationContext } from './migration-context.js';

describe('convertCustomDatabase', () => {
  it("keeps Auth0's six script kinds and skips a change_email script with a warning (the configuration refuses it)", () => {
    const context: MigrationContext = { warnings: [], envReference: () => 'env:X' };
    const script = (name: string) => `function ${name}(a, callback) { callback(null); }`;
    const out = convertCustomDatabase(
      { enabledDatabaseCustomization: true, import_mode: false, customScripts: { login: script('login'), get_user: script('getByEmail'), create: script('create'), verify: script('verify'), change_password: script('changePassword'), delete: script('remove'), change_email: script('changeEmail') } },
      'connections[0]',
      'legacy',
      context,
    );
    expect(Object.keys(out.customScripts as object)).toEqual(['login', 'get_user', 'create', 'verify', 'change_password', 'delete']);
    expect(context.warnings).toContain('connections[0].options.customScripts.change_email: oauth-ro runs no change_email script (email changes are not part of the legacy API); skipped');
  });
});
